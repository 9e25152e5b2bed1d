package dev.detour.messages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A moment for people to read. In Slack, Slack's own date token, so each reader sees it in their own zone, with
 * the date only when the moment is not on the day of {@code now}; in plain text (notification text, the console),
 * UTC as written (docs/slack.md, "Times").
 */
public final class SlackTime {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private SlackTime() {
    }

    /** {@code <!date^1780816200^{time}|07:10 UTC>}, or with {@code {date_short_pretty}} when not today. */
    public static String slack(Instant at, Instant now) {
        String format = sameDay(at, now) ? "{time}" : "{date_short_pretty} {time}";
        return "<!date^" + at.getEpochSecond() + "^" + format + "|" + plain(at, now) + ">";
    }

    /** {@code 07:10 UTC}, or {@code 2026-06-07 07:10 UTC} when not on the day of {@code now}. */
    public static String plain(Instant at, Instant now) {
        return (sameDay(at, now) ? CLOCK : DATED).format(at);
    }

    private static boolean sameDay(Instant at, Instant now) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().equals(now.atOffset(ZoneOffset.UTC).toLocalDate());
    }
}
