package dev.detour.notifications.slack;

import dev.detour.incidents.catalog.Words;
import dev.detour.incidents.incident.IncidentId;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The three posts support staff get, told apart by the first part of their outbox idempotency key, so a reader
 * outside Slack (the public status page) knows which is which without parsing the words.
 */
public enum SupportPostKind {
    /** Users are affected, or fallback state changed: which features use which model now, which are paused. */
    STATUS("support"),
    /** The on-call team's own words for support, with the same state. */
    UPDATE("update"),
    /** Normal routing has resumed. */
    ALL_CLEAR("allclear");

    private final String keyPrefix;

    SupportPostKind(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    /** {@code status}, {@code update}, {@code all-clear}. */
    public String word() {
        return Words.of(this);
    }

    /** One post per incident and moment: a change delivered twice still writes one row. */
    public String idempotencyKey(IncidentId incident, Instant at) {
        return keyPrefix + ":" + incident + ":" + at.toEpochMilli();
    }

    public static Optional<SupportPostKind> ofKey(String idempotencyKey) {
        return Arrays.stream(values()).filter(kind -> idempotencyKey.startsWith(kind.keyPrefix + ":")).findFirst();
    }
}
