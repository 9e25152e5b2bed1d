package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A provider's status page that could not be read at its last poll. */
@MappedEntity("status_page_unreadable")
public record StatusPageUnreadableRow(@Id String provider, String reason, Instant since, Instant checkedAt) {
}
