package dev.detour.bot.publicstatus;

import dev.detour.messages.Names;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * The pieces both public pages are made of, written through the XML writer so every text and attribute is
 * escaped: elements with text, links, and times in UTC with how long ago they were.
 */
final class StatusHtml {
    // No '>' or '&' here: the writer escapes them, which CSS would not understand. Colours keep axe-core's
    // contrast rules in both schemes (PublicStatusBrowserIT checks them in Chromium).
    static final String STYLE = ":root{color-scheme:light dark}"
            + "body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}"
            + "main,footer{max-width:46rem;margin:0 auto;padding:1.5rem 1rem}a{color:#0969da}"
            + "h1{margin:0 0 .25rem}.org{margin:0 0 1rem;color:#59636e}"
            + ".overall{font-size:1.25rem;font-weight:600;padding:.75rem 1rem;border-radius:.5rem;margin:0}"
            + ".operational{background:#dafbe1}.degraded{background:#fff8c5}"
            + ".updated,.since,.at,.uptime,.legend,.meta{color:#59636e;font-size:.875rem}"
            + "time,.model,.ago{white-space:nowrap}"
            + ".card,.incident{background:#fff;border:1px solid #d1d9e0;border-radius:.5rem;padding:.75rem 1rem;"
            + "margin:.75rem 0}.features{list-style:none;padding:0;margin:0}"
            + ".feature{padding:.5rem 0;border-bottom:1px solid #d1d9e0}.feature:last-child{border-bottom:0}"
            + ".name{margin-right:.5rem}.state-normal{color:#1a7f37}.state-fallback{color:#9a6700}"
            + ".state-paused,.state-awaiting-decision{color:#cf222e}"
            + ".strip{display:block;width:100%;height:1.75rem;margin:.35rem 0 .15rem}"
            + ".d-usual{fill:#1a7f37}.d-backup{fill:#bf8700}.d-paused{fill:#cf222e}.d-none{fill:#d1d9e0}"
            + ".key{display:inline-block;width:.75rem;height:.75rem;border-radius:2px;margin:0 .25rem 0 .75rem;"
            + "vertical-align:-1px}.k-usual{background:#1a7f37}.k-backup{background:#bf8700}"
            + ".k-paused{background:#cf222e}.k-none{background:#d1d9e0}"
            + ".incident h3{margin:0;font-size:1.05rem}summary{cursor:pointer}summary h3{display:inline}"
            + ".badge{display:inline-block;font-size:.75rem;font-weight:600;padding:0 .4rem;border-radius:1rem;"
            + "margin-left:.35rem;background:#dafbe1;color:#1f2328}.badge.open{background:#fff8c5}"
            + ".updates{list-style:none;padding:0;margin:.5rem 0 0}.updates li{border-top:1px solid #d1d9e0;"
            + "padding:.5rem 0}.updates h3,.updates h4{margin:0;font-size:1rem}.at{margin:0}"
            + ".text{white-space:pre-line;margin:.25rem 0 0}"
            + "@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}a{color:#4493f8}"
            + ".org,.updated,.since,.at,.uptime,.legend,.meta{color:#9198a1}"
            + ".operational{background:#12361f}.degraded{background:#3b2e00}"
            + ".card,.incident{background:#161b22;border-color:#3d444d}.feature,.updates li{border-color:#3d444d}"
            + ".state-normal{color:#3fb950}.state-fallback{color:#d29922}"
            + ".state-paused,.state-awaiting-decision{color:#ff7b72}"
            + ".d-usual{fill:#2ea043}.d-backup{fill:#d29922}.d-paused{fill:#f85149}.d-none{fill:#3d444d}"
            + ".k-usual{background:#2ea043}.k-backup{background:#d29922}.k-paused{background:#f85149}"
            + ".k-none{background:#3d444d}.badge{background:#12361f;color:#e6edf3}.badge.open{background:#3b2e00}}";

    private StatusHtml() {
    }

    /** {@code <!DOCTYPE html><html lang="en"><head>...</head>}, leaving {@code <html>} open. */
    static void start(XMLStreamWriter html, String title, PublicStatusLinks links) throws XMLStreamException {
        html.writeDTD("<!DOCTYPE html>\n");
        html.writeStartElement("html");
        html.writeAttribute("lang", "en");
        html.writeStartElement("head");
        html.writeEmptyElement("meta");
        html.writeAttribute("charset", "utf-8");
        html.writeEmptyElement("meta");
        html.writeAttribute("name", "viewport");
        html.writeAttribute("content", "width=device-width, initial-scale=1");
        html.writeEmptyElement("meta");
        html.writeAttribute("name", "color-scheme");
        html.writeAttribute("content", "light dark");
        text(html, "title", title);
        html.writeEmptyElement("link");
        html.writeAttribute("rel", "alternate");
        html.writeAttribute("type", "application/atom+xml");
        html.writeAttribute("title", PublicStatusFeed.title(title));
        html.writeAttribute("href", links.feed().toString());
        text(html, "style", STYLE);
        html.writeEndElement();
    }

    /**
     * The "Follow updates" section: the feed and the JSON, labelled for people. Kept apart so more ways to follow
     * (an email subscription) join here.
     */
    static void followUpdates(XMLStreamWriter html, PublicStatusLinks links, boolean emailForm)
            throws XMLStreamException {
        html.writeStartElement("section");
        html.writeAttribute("class", "follow");
        text(html, "h2", "Follow updates");
        html.writeStartElement("p");
        link(html, links.feed().toString(), "Follow updates: RSS/Atom");
        html.writeCharacters(" · ");
        link(html, links.json().toString(), "JSON");
        html.writeEndElement();
        if (emailForm) {
            subscribeForm(html);
        }
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

    /** The footer: a contact link when one is configured (http, https or mailto only), and the time zone. */
    static void footer(XMLStreamWriter html, PublicStatusSettings settings) throws XMLStreamException {
        html.writeStartElement("footer");
        html.writeStartElement("p");
        html.writeAttribute("class", "meta");
        java.util.Optional<String> contact = settings.contact().filter(StatusHtml::linkable);
        if (contact.isPresent()) {
            html.writeCharacters("Questions? ");
            link(html, contact.get(), "Contact " + settings.organizationName().map(name -> name + " ").orElse("")
                    + "support");
            html.writeCharacters(". ");
        }
        html.writeCharacters("Times are in UTC.");
        html.writeEndElement();
        html.writeEndElement();
    }

    static boolean linkable(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:");
    }

    static void link(XMLStreamWriter html, String href, String label) throws XMLStreamException {
        html.writeStartElement("a");
        html.writeAttribute("href", href);
        html.writeCharacters(XmlOutput.text(label));
        html.writeEndElement();
    }

    /** {@code <time datetime="2026-06-07T07:00:00Z">2026-06-07 07:00 UTC</time> (12 min ago)}. */
    static void time(XMLStreamWriter html, Instant at, Instant now) throws XMLStreamException {
        time(html, at);
        html.writeCharacters(" ");
        html.writeStartElement("span");
        html.writeAttribute("class", "ago");
        html.writeCharacters("(" + ago(at, now) + ")");
        html.writeEndElement();
    }

    /** A moment in UTC, without how long ago (for one still to come). */
    static void time(XMLStreamWriter html, Instant at) throws XMLStreamException {
        html.writeStartElement("time");
        html.writeAttribute("datetime", XmlOutput.time(at));
        html.writeCharacters(Names.time(at));
        html.writeEndElement();
    }

    /** How long before {@code now}, in the largest whole unit: "just now", "12 min ago", "3 h ago", "4 days ago". */
    static String ago(Instant at, Instant now) {
        Duration since = Duration.between(at, now);
        if (since.toMinutes() < 1) {
            return "just now";
        }
        if (since.toHours() < 1) {
            return since.toMinutes() + " min ago";
        }
        if (since.toDays() < 2) {
            return since.toHours() + " h ago";
        }
        return since.toDays() + " days ago";
    }

    static void text(XMLStreamWriter html, String element, String text) throws XMLStreamException {
        html.writeStartElement(element);
        html.writeCharacters(XmlOutput.text(text));
        html.writeEndElement();
    }

    static void text(XMLStreamWriter html, String element, String cssClass, String text) throws XMLStreamException {
        html.writeStartElement(element);
        html.writeAttribute("class", cssClass);
        html.writeCharacters(XmlOutput.text(text));
        html.writeEndElement();
    }
}
