package dev.detour.incidents.routing;

import dev.detour.incidents.catalog.TaskClassId;

import java.time.Instant;
import java.util.Objects;

/** A task class took {@code state} at {@code at}: one entry of its route history. */
public record RouteStateChange(TaskClassId taskClass, RouteState state, Instant at) {
    public RouteStateChange {
        Objects.requireNonNull(taskClass, "taskClass");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }
}
