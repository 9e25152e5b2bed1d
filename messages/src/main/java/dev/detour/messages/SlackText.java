package dev.detour.messages;

import dev.detour.incidents.incident.TextLimits;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text Detour did not write itself (titles, reasons, updates, summaries, what signals say) made safe for Slack:
 * {@code &}, {@code <} and {@code >} become Slack's entities, so a {@code <!channel>}, {@code <@U123>} or
 * {@code <https://evil.example|click>} in it is shown as typed and never pings, links or hides an address.
 * Every renderer escapes outside text here, in blocks and in the notification {@code text} alike.
 *
 * <p>Text is cut before it is escaped (with {@link TextLimits#clip}, measured as it will be once escaped), so the
 * escaped text fits its Slack field and neither an entity nor a surrogate pair is ever split. Text that is already
 * Slack-encoded ({@code &lt;}) is escaped again ({@code &amp;lt;}): it reads as typed and is never decoded into
 * markup.
 */
public final class SlackText {
    /** A person mention as Slack writes it: {@code <@U0123ABC>}; nothing else is ever kept live. */
    private static final Pattern PERSON_MENTION = Pattern.compile("<@[UW][A-Z0-9]{2,}>");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt);");

    private SlackText() {
    }

    /** {@code raw} with Slack's three control characters escaped. */
    public static String escape(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(codePoint -> {
            switch (codePoint) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.appendCodePoint(codePoint);
            }
        });
        return out.toString();
    }

    /**
     * {@code raw} cut so that, escaped, it is at most {@code limit} characters (ending in "… (cut, N characters)"
     * when cut), then escaped.
     */
    public static String escape(String raw, int limit) {
        return escape(TextLimits.clip(raw, limit, SlackText::width));
    }

    /**
     * As {@link #escape(String, int)}, except that a person mention on-call typed ({@code <@U…>}) stays a mention.
     * Only for on-call's own words (an update, a reason) in the incident's thread; never for support posts, the
     * root message, the public status page or anything a signal said.
     */
    public static String escapeKeepingPersonMentions(String raw, int limit) {
        String clipped = TextLimits.clip(raw, limit, SlackText::width);
        Matcher mention = PERSON_MENTION.matcher(clipped);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (mention.find()) {
            out.append(escape(clipped.substring(from, mention.start()))).append(mention.group());
            from = mention.end();
        }
        return out.append(escape(clipped.substring(from))).toString();
    }

    /**
     * Slack's entities read back as the characters they stand for, in one pass, so {@code &amp;lt;} is the text
     * {@code &lt;}, never {@code <}. For readers outside Slack (the console, the public status page), after any
     * markup in the text has been read.
     */
    public static String unescape(String escaped) {
        Matcher entity = ENTITY.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String character = switch (entity.group(1)) {
                case "amp" -> "&";
                case "lt" -> "<";
                default -> ">";
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(character));
        }
        entity.appendTail(out);
        return out.toString();
    }

    /**
     * How many characters one code point takes once escaped. A line break counts two: a quoted text gets a
     * {@code >} after each one.
     */
    static int width(int codePoint) {
        return switch (codePoint) {
            case '&' -> "&amp;".length();
            case '<', '>' -> "&lt;".length();
            case '\n' -> 2;
            default -> Character.charCount(codePoint);
        };
    }

    /** Escaped text as a Slack block quote: a {@code >} at the start of every line after the first. */
    static String quoted(String escaped) {
        return escaped.replace("\n", "\n>");
    }
}
