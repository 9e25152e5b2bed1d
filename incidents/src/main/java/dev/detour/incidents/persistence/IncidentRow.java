package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code incident}. */
@MappedEntity("incident")
public record IncidentRow(@Id Long id, String kind, String state, String title, Instant openedAt, String openedBy,
                          @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy,
                          @Nullable Instant resolvedAt, @Nullable Long reopenedFrom) {
}
