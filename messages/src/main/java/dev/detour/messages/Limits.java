package dev.detour.messages;

import dev.detour.incidents.incident.TextLimits;

import java.util.List;

/** Block Kit's documented limits, and the ways messages stay inside them. */
public final class Limits {
    /** Slack cuts a message's {@code text} after this many characters. */
    public static final int MESSAGE_TEXT = 40_000;
    public static final int MESSAGE_BLOCKS = 50;
    public static final int VIEW_BLOCKS = 100;
    public static final int SECTION_TEXT = 3000;
    public static final int HEADER_TEXT = 150;
    public static final int BUTTON_TEXT = 75;
    public static final int ACTIONS_ELEMENTS = 25;
    public static final int OPTION_TEXT = 75;
    public static final int OPTIONS = 100;

    private Limits() {
    }

    /**
     * Cuts {@code text} to {@code max} characters with the shared {@link TextLimits#clip}: on a code-point
     * boundary, saying how much was left out. For text already written for Slack; outside text is cut before it is
     * escaped, with {@link SlackText#escape(String, int)}.
     */
    public static String clip(String text, int max) {
        return TextLimits.clip(text, max);
    }

    /** What is left of a field of {@code max} characters for one free text, once {@code frame} (the rest) is in. */
    static int room(int max, String frame) {
        return Math.max(0, max - frame.length());
    }

    /**
     * Joins lines, one per item, into at most {@code max} characters; what does not fit becomes
     * "…and N more" so a long list never fails.
     */
    public static String lines(List<String> items, int max) {
        return joined(items, "\n", max);
    }

    /**
     * As {@link #lines}, with items joined by {@code separator}: the separators count towards {@code max}, so
     * the "…and N more" at the end is never what gets cut.
     */
    public static String joined(List<String> items, String separator, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            String item = (out.length() == 0 ? "" : separator) + items.get(i);
            String more = separator + "…and " + (items.size() - i - 1) + " more";
            boolean last = i == items.size() - 1;
            if (out.length() + item.length() + (last ? 0 : more.length()) > max) {
                return out + (out.length() == 0 ? "" : separator) + "…and " + (items.size() - i) + " more";
            }
            out.append(item);
        }
        return out.toString();
    }
}
