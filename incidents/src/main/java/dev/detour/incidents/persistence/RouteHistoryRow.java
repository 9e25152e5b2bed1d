package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A route state a task class took, and when (V23). */
@MappedEntity("route_history")
public record RouteHistoryRow(@Id @GeneratedValue @Nullable Long id, String taskClassId, String state,
                              Instant changedAt) {
}
