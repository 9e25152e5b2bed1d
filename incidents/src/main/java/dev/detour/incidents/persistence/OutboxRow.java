package dev.detour.incidents.persistence;

import dev.detour.incidents.incident.TextLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * Something that must leave the process, waiting in the outbox until a dispatcher delivers it.
 *
 * @param topic        the queue its dispatcher reads (e.g. {@code slack.root})
 * @param kind         what the row is (e.g. {@code slack-root-refresh}): dispatchers decide by it
 * @param batch        the change (transaction) that wrote it; null for rows written before V21
 * @param sendingSince when a call that may have delivered it began, while its outcome is unknown (in flight, timed
 *                     out, or answered but not recorded); null when no such call is outstanding
 */
@MappedEntity("outbox")
public record OutboxRow(@Id @GeneratedValue @Nullable Long id, Instant createdAt, String topic, String kind,
                        @Nullable String batch, String destination, String idempotencyKey, String payload, @Nullable Long incidentId, String status,
                        int attempts, Instant nextAttemptAt, @Nullable String lastError, @Nullable Instant sentAt,
                        @Nullable Instant sendingSince) {
    /** Column size, as V1__schema.sql declares it: an error a receiver answered is cut to fit, saying so. */
    static final int LAST_ERROR = 2000;

    public OutboxRow {
        lastError = TextLimits.clip(lastError, LAST_ERROR);
    }
}
