package dev.detour.incidents.preview;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteState;

import java.util.Objects;
import java.util.Optional;

/**
 * One task class before and after a change.
 *
 * @param before its route as stored; empty when it has none stored yet
 */
public record TaskClassEffect(TaskClassId taskClass, Optional<Route> before, Route after) {
    public TaskClassEffect {
        Objects.requireNonNull(taskClass, "taskClass");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** The change writes a new route for the class (what the route recalculation records). */
    public boolean changed() {
        return before.filter(after::equals).isEmpty();
    }

    public Optional<RouteState> stateBefore() {
        return before.map(Route::state);
    }

    public Optional<ModelId> servingBefore() {
        return before.flatMap(Route::serving);
    }

    public RouteState stateAfter() {
        return after.state();
    }

    public Optional<ModelId> servingAfter() {
        return after.serving();
    }

    /** Served before, served by nothing after (stopped, or waiting for an answer): the class is <b>paused</b>. */
    public boolean paused() {
        return before.map(route -> route.state().serves()).orElse(true) && !after.state().serves();
    }
}
