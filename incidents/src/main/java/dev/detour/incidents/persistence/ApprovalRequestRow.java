package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A request for approval or an emergency apply (V32); {@code targets} holds one target key per line. */
@MappedEntity("approval_request")
public record ApprovalRequestRow(@Id @GeneratedValue @Nullable Long id, String kind, Long incidentId, String targets,
                                 @Nullable String reason, String requestedBy, Instant requestedAt, String version,
                                 Instant expiresAt, String state, @Nullable String settledBy,
                                 @Nullable Instant settledAt, @Nullable String channel, @Nullable String ts) {
}
