package dev.detour.bot.publicstatus;

import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JDK's own StAX writer, which escapes every text and attribute value, for the page and the feed; and the
 * two things it leaves to us: characters XML 1.0 cannot hold, and RFC 3339 times.
 */
final class XmlOutput {
    // The JDK's implementation, whatever else is on the class path: its escaping is what the tests check.
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private XmlOutput() {
    }

    static XMLStreamWriter writer(OutputStream out) {
        try {
            return FACTORY.createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's XML writer is not available", e);
        }
    }

    /** {@code text} without the control characters and lone surrogates XML 1.0 does not allow. */
    static String text(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(XmlOutput::allowed).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** RFC 3339 in UTC, e.g. {@code 2026-06-07T07:05:00Z}. */
    static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
