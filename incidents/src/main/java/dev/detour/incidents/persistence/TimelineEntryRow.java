package dev.detour.incidents.persistence;

import dev.detour.incidents.incident.TextLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of an incident's append-only timeline; text longer than its column is cut to fit, saying so. */
@MappedEntity("timeline_entry")
public record TimelineEntryRow(@Id @GeneratedValue @Nullable Long id, Long incidentId, Instant occurredAt,
                               String actor, String entryType, String body) {
    /** Column sizes, as V1__schema.sql declares them. */
    static final int ACTOR = 200;
    static final int BODY = 4000;

    public TimelineEntryRow {
        actor = TextLimits.clip(actor, ACTOR);
        body = TextLimits.clip(body, BODY);
    }
}
