package dev.detour.incidents.incident;


import java.time.Instant;
import java.util.Objects;

/** One line of an incident's append-only timeline: when, who, and what, as data ({@link TimelineDetail}). */
public record TimelineEntry(Instant at, Actor actor, TimelineDetail detail) {
    public enum Type {
        OPENED, REOPENED, STATE_CHANGED, TITLE_SET, KIND_SET, TARGETS_ADDED, ACKNOWLEDGED, UPDATE, SIGNAL,
        AVAILABILITY_CHANGED, ROUTE_CHANGED, RESOLVED, SCOPE_CHOSEN, APPROVAL
    }

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(detail, "detail");
    }

    public Type type() {
        return detail.type();
    }
}
