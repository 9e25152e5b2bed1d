package dev.detour.incidents.routing;

import dev.detour.incidents.catalog.EnumWords;

/** Where a task class stands (docs/routing.md). */
public enum RouteState {
    /** The first model of its route serves it. */
    PRIMARY,
    /** A later model of its route (or a pinned model) serves it. */
    FALLBACK,
    /** Paused while a fallback question is open in Slack. */
    AWAITING_CONSENT,
    /** Paused; no model may serve it. */
    STOPPED;

    /** {@code primary}, {@code fallback}, {@code awaiting-consent}, {@code stopped}. */
    public String word() {
        return EnumWords.of(this);
    }

    public boolean serves() {
        return this == PRIMARY || this == FALLBACK;
    }
}
