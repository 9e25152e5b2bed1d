package dev.detour.incidents.incident;

import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * How long free text may be. Text people type that is too long is refused with a message saying so; text from
 * machines (signals, payloads) is cut to fit. Nothing is ever cut silently or left to fail in the database:
 * cut text ends in "… (cut, N characters)", N being how many characters were left out. 3000 characters is also
 * what one Slack section block can show.
 */
public final class TextLimits {
    public static final int TITLE = 200;
    public static final int TEXT = 3000;

    private TextLimits() {
    }

    /** Why {@code text} is too long for {@code what}, or empty when it fits. */
    public static Optional<Refusal> refusal(Refusal.Text what, String text, int limit) {
        if (text == null || text.length() <= limit) {
            return Optional.empty();
        }
        return Optional.of(new Refusal.TooLong(what, text.length(), limit));
    }

    /**
     * {@code text} cut to at most {@code limit} UTF-16 chars (what a database column or a Slack field counts),
     * on a code-point boundary, with a note of what was left out.
     */
    public static String clip(String text, int limit) {
        return clip(text, limit, codePoint -> Character.charCount(codePoint));
    }

    /**
     * {@code text} cut so that its width, as {@code width} measures each code point, is at most {@code limit}.
     * A renderer that escapes text measures each code point as escaped, then cuts the raw text before escaping,
     * so the escaped text fits and no escape sequence or surrogate pair is ever split.
     */
    public static String clip(String text, int limit, IntUnaryOperator width) {
        if (text == null || measure(text, width) <= limit) {
            return text;
        }
        int codePoints = text.codePointCount(0, text.length());
        // Room for the longest note this text could need; a limit too small for any note gets a bare ellipsis.
        boolean noted = measure(note(codePoints), width) < limit;
        int budget = noted ? limit - measure(note(codePoints), width) : Math.max(0, limit - 1);
        int end = 0;
        int used = 0;
        int kept = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            used += width.applyAsInt(codePoint);
            if (used > budget) {
                break;
            }
            end += Character.charCount(codePoint);
            kept++;
        }
        return text.substring(0, end) + (noted ? note(codePoints - kept) : "…");
    }

    private static String note(int cut) {
        return "… (cut, " + cut + " characters)";
    }

    private static int measure(String text, IntUnaryOperator width) {
        return text.codePoints().map(width).sum();
    }
}
