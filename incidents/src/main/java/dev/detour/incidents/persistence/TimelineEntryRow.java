package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of an incident's append-only timeline. */
@MappedEntity("timeline_entry")
public record TimelineEntryRow(@Id @GeneratedValue @Nullable Long id, Long incidentId, Instant occurredAt,
                               String actor, String entryType, String body) {
}
