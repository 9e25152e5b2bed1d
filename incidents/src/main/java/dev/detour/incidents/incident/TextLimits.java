package dev.detour.incidents.incident;

import java.util.Optional;

/**
 * How long free text people give may be. Longer text is refused with a message saying so, never cut silently
 * or left to fail in the database. 3000 characters is also what one Slack section block can show.
 */
public final class TextLimits {
    public static final int TITLE = 200;
    public static final int TEXT = 3000;

    private TextLimits() {
    }

    /** Why {@code text} is too long for {@code what}, or empty when it fits. */
    public static Optional<String> refusal(String what, String text, int limit) {
        if (text == null || text.length() <= limit) {
            return Optional.empty();
        }
        return Optional.of(what + " is " + text.length() + " characters; the limit is " + limit);
    }

    /** Text from machines (signals) is cut to fit rather than refused: the signal matters more than its length. */
    public static String clip(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
