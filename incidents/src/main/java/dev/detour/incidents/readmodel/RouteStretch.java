package dev.detour.incidents.readmodel;

import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.routing.RouteState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stretch a task class spent off its primary route: from the change that took it there ({@code started}: on a
 * fallback, waiting for consent or paused) until the next change of that class, or until the end of the report.
 * Both manager summaries are made of these, so the stretches are worked out here once.
 */
public record RouteStretch(RouteChange started, Instant until) {
    public RouteStretch {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(until, "until");
    }

    /**
     * The stretches of {@code changes} (oldest first): the closed ones in the order they closed, then those still
     * open at {@code end} in the order they began. A change off primary that follows another ends the stretch
     * before it and begins one of its own.
     */
    public static List<RouteStretch> of(List<RouteChange> changes, Instant end) {
        Map<TaskClassId, RouteChange> open = new LinkedHashMap<>();
        List<RouteStretch> stretches = new ArrayList<>();
        for (RouteChange change : changes) {
            RouteChange started = open.remove(change.taskClass());
            if (started != null) {
                stretches.add(new RouteStretch(started, change.at()));
            }
            if (change.state() != RouteState.PRIMARY) {
                open.put(change.taskClass(), change);
            }
        }
        open.values().forEach(started -> stretches.add(new RouteStretch(started, end)));
        return stretches;
    }
}
