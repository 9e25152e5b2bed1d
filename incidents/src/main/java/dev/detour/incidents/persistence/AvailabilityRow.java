package dev.detour.incidents.persistence;

import dev.detour.incidents.incident.TextLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The current availability of one provider or model, keyed {@code provider:<id>} / {@code model:<id>}. */
@MappedEntity("availability")
public record AvailabilityRow(@Id String target, boolean available, Instant since, String changedBy,
                              @Nullable String reason, @Nullable Long incidentId) {
    /** Column sizes, as V1__schema.sql declares them; text longer than its column is cut to fit, saying so. */
    static final int ACTOR = 200;
    static final int REASON = 4000;

    public AvailabilityRow {
        changedBy = TextLimits.clip(changedBy, ACTOR);
        reason = TextLimits.clip(reason, REASON);
    }
}
