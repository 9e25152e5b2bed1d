package dev.detour.bot.publicstatus;

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

    /** A button that POSTs to {@code action}: the page does nothing until the reader presses it. */
    record Button(URI action, String label) {
    }

    /** @param page the {@code subscription.page.<page>} words: {@code .title} and {@code .text} */
    byte[] render(String page, URI statusPage, Optional<Button> button) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter html = XmlOutput.writer(out);
        String title = words.get("subscription.page." + page + ".title");
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
            element(html, "p", words.get("subscription.page." + page + ".text"));
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
            html.writeCharacters(words.get("subscription.page.back"));
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
