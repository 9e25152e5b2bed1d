package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A person's override of one task class's route: {@code pin} (with a model) or {@code stop}. */
@MappedEntity("route_override")
public record RouteOverrideRow(@Id String taskClassId, String overrideKind, @Nullable String modelId, Instant setAt,
                               String setBy, @Nullable String reason) {
}
