package dev.detour.incidents.persistence;

import dev.detour.incidents.incident.TextLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code incident}; text longer than its column is cut to fit, saying so. */
@MappedEntity("incident")
public record IncidentRow(@Id Long id, String kind, String state, String title, Instant openedAt, String openedBy,
                          @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy,
                          @Nullable Instant resolvedAt, @Nullable Long reopenedFrom, boolean kindSet) {
    /** Column sizes, as V1__schema.sql declares them. */
    static final int TITLE = 500;
    static final int ACTOR = 200;

    public IncidentRow {
        title = TextLimits.clip(title, TITLE);
        openedBy = TextLimits.clip(openedBy, ACTOR);
        acknowledgedBy = TextLimits.clip(acknowledgedBy, ACTOR);
    }
}
