package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code audit_record}: written once, never changed. */
@MappedEntity("audit_record")
public record AuditRecordRow(@Id @GeneratedValue @Nullable Long id, Instant occurredAt, String actor, String action,
                             String subject, @Nullable String beforeValue, @Nullable String afterValue,
                             @Nullable String reason, @Nullable Long incidentId) {
}
