package dev.detour.bot.publicstatus;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code GET /status/feed.atom}: the support posts as an Atom 1.0 feed (RFC 4287), newest first, in plain text.
 * The feed's id is the status page's address; each entry's id is fixed when the post is written.
 */
final class PublicStatusFeed {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String AUTHOR = "Detour";

    private final String title;

    PublicStatusFeed(PublicStatusSettings settings) {
        this.title = title(settings.title());
    }

    /** The feed's title under the page's title. */
    static String title(String pageTitle) {
        return pageTitle + ": updates from support";
    }

    byte[] render(PublicStatus status, PublicStatusLinks links) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter atom = XmlOutput.writer(out);
        try {
            atom.writeStartDocument("UTF-8", "1.0");
            atom.writeCharacters("\n");
            atom.setDefaultNamespace(ATOM);
            atom.writeStartElement(ATOM, "feed");
            atom.writeDefaultNamespace(ATOM);
            text(atom, "id", links.page().toString());
            text(atom, "title", title);
            // With no posts yet there is no last change to name: the time of reading stands in.
            text(atom, "updated", XmlOutput.time(status.posts().stream().map(PublicStatus.Post::at)
                    .max(Instant::compareTo).orElse(status.updated())));
            atom.writeStartElement(ATOM, "author");
            text(atom, "name", AUTHOR);
            atom.writeEndElement();
            link(atom, "self", "application/atom+xml", links.feed().toString());
            link(atom, "alternate", "text/html", links.page().toString());
            for (PublicStatus.Post post : status.posts()) {
                entry(atom, post, links);
            }
            atom.writeEndElement();
            atom.writeEndDocument();
            atom.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the status feed", e);
        }
        return out.toByteArray();
    }

    private static void entry(XMLStreamWriter atom, PublicStatus.Post post, PublicStatusLinks links)
            throws XMLStreamException {
        atom.writeStartElement(ATOM, "entry");
        text(atom, "id", post.id());
        text(atom, "title", post.title());
        link(atom, "alternate", "text/html", links.incident(post.incident()).toString());
        // A post is never edited: it was published and last updated when it was written.
        text(atom, "published", XmlOutput.time(post.at()));
        text(atom, "updated", XmlOutput.time(post.at()));
        atom.writeEmptyElement(ATOM, "category");
        atom.writeAttribute("term", post.kind());
        atom.writeStartElement(ATOM, "content");
        atom.writeAttribute("type", "text");
        // The entry as published, promise included: a feed entry is never edited.
        atom.writeCharacters(XmlOutput.text((post.text().isEmpty() ? post.title() : post.text())
                + post.promised().map(next -> "\n" + PublicStatusPage.nextUpdate(next)).orElse("")));
        atom.writeEndElement();
        atom.writeEndElement();
    }

    private static void link(XMLStreamWriter atom, String rel, String type, String href) throws XMLStreamException {
        atom.writeEmptyElement(ATOM, "link");
        atom.writeAttribute("rel", rel);
        atom.writeAttribute("type", type);
        atom.writeAttribute("href", href);
    }

    private static void text(XMLStreamWriter atom, String element, String text) throws XMLStreamException {
        atom.writeStartElement(ATOM, element);
        atom.writeCharacters(XmlOutput.text(text));
        atom.writeEndElement();
    }
}
