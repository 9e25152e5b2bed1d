package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A provider or model an incident covers ({@code provider:<id>} or {@code model:<id>}). */
@MappedEntity("incident_target")
public record IncidentTargetRow(@Id @GeneratedValue @Nullable Long id, Long incidentId, String target,
                                Instant addedAt) {
}
