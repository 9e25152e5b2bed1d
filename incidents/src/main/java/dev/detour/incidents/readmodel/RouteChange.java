package dev.detour.incidents.readmodel;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.routing.RouteState;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A task class took the route {@code state} at {@code at}: served by {@code serving} (present exactly when the
 * state serves), or paused. One entry of {@link IncidentReport#routeChanges()}.
 */
public record RouteChange(Instant at, TaskClassId taskClass, RouteState state, Optional<ModelId> serving) {
    public RouteChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(taskClass, "taskClass");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(serving, "serving");
        if (state.serves() != serving.isPresent()) {
            throw new IllegalArgumentException(state.word() + " route of " + taskClass
                    + (state.serves() ? " needs" : " cannot have") + " a serving model");
        }
    }
}
