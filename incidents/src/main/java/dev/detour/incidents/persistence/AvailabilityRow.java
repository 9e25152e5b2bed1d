package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The current availability of one provider or model, keyed {@code provider:<id>} / {@code model:<id>}. */
@MappedEntity("availability")
public record AvailabilityRow(@Id String target, boolean available, Instant since, String changedBy,
                              @Nullable String reason, @Nullable Long incidentId) {
}
