package dev.detour.messages;

import java.net.URI;

/**
 * The words of emails to subscribers, in plain text: the double opt-in confirmation and each customer update with
 * its unsubscribe link. Slack markup in a post reads as Slack shows it ({@link SlackMarkup}).
 */
public final class SubscriberEmails {
    private final Wording words;

    public SubscriberEmails(Wording words) {
        this.words = words;
    }

    /** An email's subject line and body. */
    public record Text(String subject, String body) {
    }

    public Text confirmation(URI confirm, URI statusPage) {
        return new Text(words.get(WordKey.EMAIL_CONFIRM_SUBJECT),
                words.get(WordKey.EMAIL_CONFIRM_BODY, confirm.toString(), statusPage.toString()));
    }

    public Text update(String headline, String body, URI statusPage, URI unsubscribe) {
        String subject = SlackMarkup.plain(headline).replaceAll("[\\r\\n]+", " ").strip();
        String text = SlackMarkup.plain(headline) + (body.isBlank() ? "" : "\n\n" + SlackMarkup.plain(body));
        return new Text(subject, words.get(WordKey.EMAIL_UPDATE_BODY, text, statusPage.toString(),
                unsubscribe.toString()));
    }
}
