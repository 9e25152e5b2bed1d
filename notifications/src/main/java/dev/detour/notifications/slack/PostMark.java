package dev.detour.notifications.slack;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What Detour attaches to each post as Slack message metadata ({@code event_type} {@value #EVENT_TYPE},
 * {@code event_payload} {@code {"row": "42", "written": "2026-06-07T07:12:03.120Z"}}): the outbox row it delivers.
 * After a call whose outcome is unknown, the post is found again by this mark in the channel's history. The time the
 * row was written tells apart rows with the same id of two Detour installations posting to one channel.
 */
public record PostMark(long row, Instant written) {
    public static final String EVENT_TYPE = "detour_outbox";

    public PostMark {
        Objects.requireNonNull(written, "written");
    }

    /** Values are strings: Slack hands numbers back as JSON numbers, which the SDK reads as doubles. */
    public Map<String, Object> payload() {
        return Map.of("row", Long.toString(row), "written", written.toString());
    }

    /** Whether a message's metadata is this mark. */
    public boolean matches(String eventType, Map<String, Object> payload) {
        return EVENT_TYPE.equals(eventType) && payload != null
                && Long.toString(row).equals(String.valueOf(payload.get("row")))
                && written.toString().equals(String.valueOf(payload.get("written")));
    }
}
