package dev.detour.bot.ofrep;

import java.util.List;
import java.util.Optional;

/**
 * The {@code If-None-Match} condition of RFC 9110 §13.1.2: {@code *} or a comma-separated list of entity tags,
 * possibly over several header lines, compared weakly ({@code W/"x"} matches {@code "x"}). A header that is not
 * valid by that grammar is ignored, so the client gets the full answer.
 */
public final class IfNoneMatch {
    private IfNoneMatch() {
    }

    /** Whether the condition names {@code currentTag} (a quoted entity tag), so the answer is 304. */
    public static boolean matches(List<String> headerValues, String currentTag) {
        String current = opaque(currentTag);
        boolean matched = false;
        for (String value : headerValues) {
            if (value.strip().equals("*")) {
                matched = true;
                continue;
            }
            Optional<Boolean> found = listNames(value, current);
            if (found.isEmpty()) {
                return false;
            }
            matched |= found.get();
        }
        return matched;
    }

    /** Whether the list in one header line holds {@code current}; empty when the line is not a valid list. */
    private static Optional<Boolean> listNames(String value, String current) {
        boolean found = false;
        boolean any = false;
        int i = 0;
        int length = value.length();
        while (i < length) {
            i = skipSpaces(value, i);
            if (i < length && value.charAt(i) == ',') { // empty list elements are allowed (RFC 9110 §5.6.1)
                i++;
                continue;
            }
            if (i >= length) {
                break;
            }
            if (value.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= length || value.charAt(i) != '"') {
                return Optional.empty();
            }
            int close = value.indexOf('"', i + 1);
            if (close < 0) {
                return Optional.empty();
            }
            String tag = value.substring(i, close + 1);
            if (!tag.chars().allMatch(IfNoneMatch::isTagCharacter)) {
                return Optional.empty();
            }
            any = true;
            found |= tag.equals(current);
            i = skipSpaces(value, close + 1);
            if (i < length && value.charAt(i) != ',') {
                return Optional.empty();
            }
        }
        return any ? Optional.of(found) : Optional.empty();
    }

    /** The quoted opaque tag of an entity tag, without a weakness indicator. */
    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** {@code etagc} of RFC 9110 (VCHAR except DQUOTE, and obs-text), plus the enclosing quotes. */
    private static boolean isTagCharacter(int c) {
        return c == '"' || c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }

    private static int skipSpaces(String value, int from) {
        int i = from;
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
