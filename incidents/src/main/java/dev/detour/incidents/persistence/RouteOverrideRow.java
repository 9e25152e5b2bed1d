package dev.detour.incidents.persistence;

import dev.detour.incidents.incident.TextLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A person's override of one task class's route: {@code pin} (with a model) or {@code stop}. */
@MappedEntity("route_override")
public record RouteOverrideRow(@Id String taskClassId, String overrideKind, @Nullable String modelId, Instant setAt,
                               String setBy, @Nullable String reason) {
    /** Column sizes, as V1__schema.sql declares them; text longer than its column is cut to fit, saying so. */
    static final int ACTOR = 200;
    static final int REASON = 4000;

    public RouteOverrideRow {
        setBy = TextLimits.clip(setBy, ACTOR);
        reason = TextLimits.clip(reason, REASON);
    }
}
