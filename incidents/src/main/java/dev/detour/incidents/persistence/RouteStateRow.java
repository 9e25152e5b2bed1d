package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The route a task class is on now, and since when. */
@MappedEntity("route_state")
public record RouteStateRow(@Id String taskClassId, String state, @Nullable String servingModel,
                            @Nullable String offeredModel, String cause, Instant since) {
}
