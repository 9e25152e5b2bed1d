package dev.detour.messages;

import java.util.List;

/** Block Kit's documented limits, and the ways messages stay inside them. */
public final class Limits {
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

    /** Cuts {@code text} to {@code max} characters, marking the cut. */
    public static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
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
