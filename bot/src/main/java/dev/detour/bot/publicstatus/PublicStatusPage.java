package dev.detour.bot.publicstatus;

import dev.detour.messages.Names;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;

/**
 * {@code GET /status} as HTML for people: the overall state, each feature that is not on its usual model, the
 * latest support posts and links to the feed and the JSON. No scripts; it reloads itself every minute. Written
 * by the XML writer, so every text is escaped and the page is well-formed XML as well as HTML.
 */
final class PublicStatusPage {
    static final String TITLE = "AI feature status";

    // No '>' or '&' here: the writer escapes them, which CSS would not understand.
    private static final String STYLE = "body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1f2328;"
            + "background:#f6f8fa}main{max-width:42rem;margin:0 auto;padding:1.5rem}"
            + ".overall{font-size:1.25rem;font-weight:600;padding:.75rem 1rem;border-radius:.5rem}"
            + ".operational{background:#dafbe1}.degraded{background:#fff8c5}"
            + ".updated,.since,.at{color:#59636e;font-size:.875rem}"
            + ".post{background:#fff;border:1px solid #d1d9e0;border-radius:.5rem;padding:.75rem 1rem;"
            + "margin:.75rem 0}.post h3{margin:0;font-size:1rem}.at{margin:0}"
            + ".text{white-space:pre-line;margin:.5rem 0 0}";

    private final boolean emailForm;

    /** @param emailForm whether to offer email updates (detour.email.smtp-host is set) */
    PublicStatusPage(boolean emailForm) {
        this.emailForm = emailForm;
    }

    byte[] render(PublicStatus status, PublicStatusLinks links) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter html = XmlOutput.writer(out);
        try {
            html.writeDTD("<!DOCTYPE html>\n");
            html.writeStartElement("html");
            html.writeAttribute("lang", "en");
            head(html, links);
            html.writeStartElement("body");
            html.writeStartElement("main");
            text(html, "h1", TITLE);
            overall(html, status);
            features(html, status);
            posts(html, status);
            footer(html, links);
            if (emailForm) {
                subscribeForm(html);
            }
            html.writeEndElement();
            html.writeEndElement();
            html.writeEndElement();
            html.writeCharacters("\n");
            html.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the status page", e);
        }
        return out.toByteArray();
    }

    private static void head(XMLStreamWriter html, PublicStatusLinks links) throws XMLStreamException {
        html.writeStartElement("head");
        html.writeEmptyElement("meta");
        html.writeAttribute("charset", "utf-8");
        html.writeEmptyElement("meta");
        html.writeAttribute("name", "viewport");
        html.writeAttribute("content", "width=device-width, initial-scale=1");
        html.writeEmptyElement("meta");
        html.writeAttribute("http-equiv", "refresh");
        html.writeAttribute("content", "60");
        text(html, "title", TITLE);
        html.writeEmptyElement("link");
        html.writeAttribute("rel", "alternate");
        html.writeAttribute("type", "application/atom+xml");
        html.writeAttribute("title", PublicStatusFeed.TITLE);
        html.writeAttribute("href", links.feed().toString());
        text(html, "style", STYLE);
        html.writeEndElement();
    }

    private static void overall(XMLStreamWriter html, PublicStatus status) throws XMLStreamException {
        html.writeStartElement("p");
        html.writeAttribute("class", status.operational() ? "overall operational" : "overall degraded");
        html.writeCharacters(status.operational()
                ? "All AI features work normally." : "Some AI features are affected.");
        html.writeEndElement();
        html.writeStartElement("p");
        html.writeAttribute("class", "updated");
        html.writeCharacters("Updated ");
        time(html, status.updated());
        html.writeCharacters(". This page reloads every minute.");
        html.writeEndElement();
    }

    private static void features(XMLStreamWriter html, PublicStatus status) throws XMLStreamException {
        if (status.operational()) {
            return;
        }
        html.writeStartElement("section");
        text(html, "h2", "Affected features");
        html.writeStartElement("ul");
        for (PublicStatus.Feature feature : status.affected()) {
            html.writeStartElement("li");
            text(html, "strong", feature.name());
            html.writeCharacters(" " + XmlOutput.text(state(feature)));
            if (feature.since().isPresent()) {
                html.writeCharacters(" ");
                html.writeStartElement("span");
                html.writeAttribute("class", "since");
                html.writeCharacters("since ");
                time(html, feature.since().get());
                html.writeEndElement();
            }
            html.writeEndElement();
        }
        html.writeEndElement();
        if (status.affected().size() < status.features().size()) {
            text(html, "p", "All other AI features work as usual.");
        }
        html.writeEndElement();
    }

    private static String state(PublicStatus.Feature feature) {
        return switch (feature.state()) {
            case NORMAL -> "works as usual";
            case FALLBACK -> "now uses " + feature.model().orElse("another model");
            case PAUSED -> "is paused";
            case AWAITING_DECISION -> "is paused while the team decides";
        };
    }

    private static void posts(XMLStreamWriter html, PublicStatus status) throws XMLStreamException {
        html.writeStartElement("section");
        text(html, "h2", "Updates from support");
        if (status.posts().isEmpty()) {
            text(html, "p", "No updates yet.");
        }
        for (PublicStatus.Post post : status.posts()) {
            html.writeStartElement("article");
            html.writeAttribute("class", "post");
            text(html, "h3", post.title());
            html.writeStartElement("p");
            html.writeAttribute("class", "at");
            time(html, post.at());
            html.writeEndElement();
            if (!post.text().isEmpty()) {
                html.writeStartElement("p");
                html.writeAttribute("class", "text");
                html.writeCharacters(XmlOutput.text(post.text()));
                html.writeEndElement();
            }
            html.writeEndElement();
        }
        html.writeEndElement();
    }

    private static void footer(XMLStreamWriter html, PublicStatusLinks links) throws XMLStreamException {
        html.writeStartElement("footer");
        html.writeStartElement("p");
        html.writeCharacters("Follow the updates: ");
        link(html, links.feed().toString(), "Atom feed");
        html.writeCharacters(" · ");
        link(html, links.json().toString(), "JSON");
        html.writeEndElement();
        html.writeEndElement();
    }

    /** Email updates with double opt-in: the form posts the address, the answer is a page (no scripts). */
    private static void subscribeForm(XMLStreamWriter html) throws XMLStreamException {
        html.writeStartElement("form");
        html.writeAttribute("method", "post");
        html.writeAttribute("action", SubscriptionController.SUBSCRIBE);
        html.writeStartElement("label");
        html.writeAttribute("for", "email");
        html.writeCharacters("Get each update by email: ");
        html.writeEndElement();
        html.writeEmptyElement("input");
        html.writeAttribute("type", "email");
        html.writeAttribute("id", "email");
        html.writeAttribute("name", "email");
        html.writeAttribute("required", "required");
        html.writeAttribute("maxlength", "254");
        html.writeAttribute("autocomplete", "email");
        html.writeCharacters(" ");
        html.writeStartElement("button");
        html.writeAttribute("type", "submit");
        html.writeCharacters("Subscribe");
        html.writeEndElement();
        html.writeEndElement();
    }

    private static void link(XMLStreamWriter html, String href, String label) throws XMLStreamException {
        html.writeStartElement("a");
        html.writeAttribute("href", href);
        html.writeCharacters(label);
        html.writeEndElement();
    }

    private static void time(XMLStreamWriter html, Instant at) throws XMLStreamException {
        html.writeStartElement("time");
        html.writeAttribute("datetime", XmlOutput.time(at));
        html.writeCharacters(Names.time(at));
        html.writeEndElement();
    }

    private static void text(XMLStreamWriter html, String element, String text) throws XMLStreamException {
        html.writeStartElement(element);
        html.writeCharacters(XmlOutput.text(text));
        html.writeEndElement();
    }
}
