package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A maintenance window as stored (see {@link MaintenanceWindowsTable}). */
@MappedEntity("maintenance_window")
public record MaintenanceWindowRow(@Id String id, String sourceKind, @Nullable String provider,
                                   @Nullable String pageId, @Nullable String createdBy, String name, String targets,
                                   Instant startsAt, Instant endsAt, String status, Instant recordedAt,
                                   int revision, int toldRevision, @Nullable Instant remindedFor,
                                   @Nullable Instant startedAt, @Nullable Instant endedAt,
                                   @Nullable Long incidentId) {
}
