package dev.detour.incidents.persistence;

import dev.detour.incidents.incident.TextLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of an incident's append-only timeline. {@code detail} is the entry as JSON ({@link TimelineDetailJson});
 * rows written before it existed have none and keep their text in {@code body}, which new rows leave empty.
 */
@MappedEntity("timeline_entry")
public record TimelineEntryRow(@Id @GeneratedValue @Nullable Long id, Long incidentId, Instant occurredAt,
                               String actor, String entryType, String body, @Nullable String detail) {
    /** Column sizes, as V1__schema.sql and V20__timeline_detail_as_data.sql declare them. */
    static final int ACTOR = 200;
    static final int BODY = 4000;
    static final int DETAIL = 100_000;

    public TimelineEntryRow {
        actor = TextLimits.clip(actor, ACTOR);
        body = TextLimits.clip(body, BODY);
        if (detail != null && detail.length() > DETAIL) {
            // Cutting JSON would corrupt it; the detail's texts are limited so that this cannot happen.
            throw new IllegalArgumentException("a timeline detail of " + detail.length() + " characters");
        }
    }
}
