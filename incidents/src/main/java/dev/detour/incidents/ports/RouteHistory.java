package dev.detour.incidents.ports;

import dev.detour.incidents.routing.RouteStateChange;

import java.time.Instant;
import java.util.List;

/** Every route state each task class has taken, for the uptime of docs/status.md. */
public interface RouteHistory {
    /** Appends inside the caller's transaction, so the history has a change exactly when the route does. */
    void append(RouteStateChange change);

    /**
     * The changes from {@code from} on, with each task class's state as the period began, oldest first; at most
     * {@code limit}.
     */
    List<RouteStateChange> from(Instant from, int limit);
}
