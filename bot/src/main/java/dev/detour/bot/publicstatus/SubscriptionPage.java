package dev.detour.bot.publicstatus;

import dev.detour.messages.WordKey;
import dev.detour.messages.Wording;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.Optional;

/**
 * The small pages of email subscriptions (subscribed, confirmed, unsubscribe, what went wrong): plain HTML with no
 * scripts, a heading, a sentence, at most one button, and the way back to the status page. Words from the bundle
 * ({@code subscription.page.*}), every text escaped by the XML writer.
 */
final class SubscriptionPage {
    private static final String STYLE = "body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1f2328;"
            + "background:#f6f8fa}main{max-width:42rem;margin:0 auto;padding:1.5rem}"
            + "button{font:inherit;padding:.5rem 1rem}";

    private final Wording words;

    SubscriptionPage(Wording words) {
        this.words = words;
    }

    /** Which page: its heading and its sentence. */
    enum Answer {
        CHECK_INBOX(WordKey.SUBSCRIPTION_PAGE_CHECK_INBOX_TITLE, WordKey.SUBSCRIPTION_PAGE_CHECK_INBOX_TEXT),
        CONFIRMED(WordKey.SUBSCRIPTION_PAGE_CONFIRMED_TITLE, WordKey.SUBSCRIPTION_PAGE_CONFIRMED_TEXT),
        UNSUBSCRIBE(WordKey.SUBSCRIPTION_PAGE_UNSUBSCRIBE_TITLE, WordKey.SUBSCRIPTION_PAGE_UNSUBSCRIBE_TEXT),
        UNSUBSCRIBED(WordKey.SUBSCRIPTION_PAGE_UNSUBSCRIBED_TITLE, WordKey.SUBSCRIPTION_PAGE_UNSUBSCRIBED_TEXT),
        INVALID(WordKey.SUBSCRIPTION_PAGE_INVALID_TITLE, WordKey.SUBSCRIPTION_PAGE_INVALID_TEXT),
        TOO_LONG(WordKey.SUBSCRIPTION_PAGE_TOO_LONG_TITLE, WordKey.SUBSCRIPTION_PAGE_TOO_LONG_TEXT),
        LINK_UNKNOWN(WordKey.SUBSCRIPTION_PAGE_LINK_UNKNOWN_TITLE, WordKey.SUBSCRIPTION_PAGE_LINK_UNKNOWN_TEXT),
        BUSY(WordKey.SUBSCRIPTION_PAGE_BUSY_TITLE, WordKey.SUBSCRIPTION_PAGE_BUSY_TEXT),
        NOT_OFFERED(WordKey.SUBSCRIPTION_PAGE_NOT_OFFERED_TITLE, WordKey.SUBSCRIPTION_PAGE_NOT_OFFERED_TEXT);

        private final WordKey title;
        private final WordKey text;

        Answer(WordKey title, WordKey text) {
            this.title = title;
            this.text = text;
        }
    }

    /** A button that POSTs to {@code action}: the page does nothing until the reader presses it. */
    record Button(URI action, String label) {
    }

    byte[] render(Answer page, URI statusPage, Optional<Button> button) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter html = XmlOutput.writer(out);
        String title = words.get(page.title);
        try {
            html.writeDTD("<!DOCTYPE html>\n");
            html.writeStartElement("html");
            html.writeAttribute("lang", "en");
            html.writeStartElement("head");
            html.writeEmptyElement("meta");
            html.writeAttribute("charset", "utf-8");
            html.writeEmptyElement("meta");
            html.writeAttribute("name", "viewport");
            html.writeAttribute("content", "width=device-width, initial-scale=1");
            element(html, "title", title);
            element(html, "style", STYLE);
            html.writeEndElement();
            html.writeStartElement("body");
            html.writeStartElement("main");
            element(html, "h1", title);
            element(html, "p", words.get(page.text));
            if (button.isPresent()) {
                html.writeStartElement("form");
                html.writeAttribute("method", "post");
                html.writeAttribute("action", button.get().action().toString());
                html.writeStartElement("button");
                html.writeAttribute("type", "submit");
                html.writeCharacters(button.get().label());
                html.writeEndElement();
                html.writeEndElement();
            }
            html.writeStartElement("p");
            html.writeStartElement("a");
            html.writeAttribute("href", statusPage.toString());
            html.writeCharacters(words.get(WordKey.SUBSCRIPTION_PAGE_BACK));
            html.writeEndElement();
            html.writeEndElement();
            html.writeEndElement();
            html.writeEndElement();
            html.writeEndElement();
            html.writeCharacters("\n");
            html.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write a subscription page", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter html, String name, String text) throws XMLStreamException {
        html.writeStartElement(name);
        html.writeCharacters(XmlOutput.text(text));
        html.writeEndElement();
    }
}
