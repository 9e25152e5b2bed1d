package dev.detour.bot.publicstatus;

import java.util.regex.Pattern;

/**
 * Support posts promise the next one ("Next update by 2026-06-07 07:40 UTC.", wording key {@code support.next}).
 * That promise is stale once a newer post or the resolution exists: the page drops it from such posts.
 */
final class StaleNextUpdate {
    private static final Pattern PROMISE = Pattern.compile(" ?Next update by \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\.");

    private StaleNextUpdate() {
    }

    static String without(String text) {
        return PROMISE.matcher(text).replaceAll("").strip();
    }
}
