package dev.detour.incidents.catalog;

import java.util.regex.Pattern;

/** The one rule every catalog id follows, so ids are safe in flag keys, URLs and Slack block ids. */
final class Ids {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private Ids() {
    }

    static String require(String kind, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " id must be 1-64 lowercase letters, digits, '.', '_' or '-'"
                    + " starting with a letter or digit, got " + (value == null ? "nothing" : "'" + value + "'"));
        }
        return value;
    }
}
