package dev.detour.messages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Slack's markup in a post into text that reads right outside Slack, without the ids inside it:
 * {@code <@U0ALICE|alice>} is {@code @alice}, {@code <#C0SUPPORT|support>} is {@code #support}, a mention
 * without a name is "someone", {@code <https://x|docs>} is {@code docs (https://x)}.
 */
public final class SlackMarkup {
    /** {@code <target>} or {@code <target|label>}: a user, channel, special mention, or a URL. */
    private static final Pattern MARKUP = Pattern.compile("<(@[A-Z0-9]+|#[A-Z0-9]+|![a-z][^<>|]*"
            + "|[a-zA-Z][a-zA-Z0-9+.-]*:[^<>|\\s]+)(?:\\|([^<>]*))?>");

    private SlackMarkup() {
    }

    /**
     * Support posts keep on-call's words as typed (see docs/status.md): any markup in them reads as plain text, as
     * Slack would have shown it, without ids. Nothing is decoded, so text typed in Slack's own encoding
     * ({@code &lt;}) stays that text.
     */
    public static String plain(String text) {
        Matcher markup = MARKUP.matcher(text);
        StringBuilder out = new StringBuilder();
        while (markup.find()) {
            markup.appendReplacement(out, Matcher.quoteReplacement(plain(markup.group(1), markup.group(2))));
        }
        markup.appendTail(out);
        return out.toString();
    }

    private static String plain(String target, String label) {
        boolean labelled = label != null && !label.isBlank();
        String name = labelled ? label.strip() : "";
        switch (target.charAt(0)) {
            case '@':
                return labelled ? "@" + stripLeading(name, '@') : "someone";
            case '#':
                return labelled ? "#" + stripLeading(name, '#') : "a channel";
            case '!':
                if (target.equals("!here") || target.equals("!channel") || target.equals("!everyone")) {
                    return "@" + target.substring(1);
                }
                if (target.startsWith("!subteam^")) {
                    return labelled ? "@" + stripLeading(name, '@') : "a team";
                }
                return name; // dates and the like carry their fallback text as the label
            default:
                return labelled && !name.equals(target) ? name + " (" + target + ")" : target;
        }
    }

    private static String stripLeading(String name, char mark) {
        return name.charAt(0) == mark ? name.substring(1) : name;
    }
}
