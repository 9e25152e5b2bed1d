package dev.detour.incidents.outbox;

import java.time.Instant;

/**
 * A delivery waiting in the outbox, as a dispatcher sees it. Read from the outbox table by persistence; its
 * nullable parts are null exactly as the table's columns are.
 *
 * @param topic        the queue its dispatcher reads (e.g. {@code slack.root})
 * @param kind         what it is (e.g. {@code slack-root-refresh}): dispatchers decide by it
 * @param batch        the change (transaction) that wrote it; null for rows written before V21
 * @param incidentId   the incident it is about; null when it is about none
 * @param lastError    what the last failed attempt said; null when none failed
 * @param sendingSince when a call that may have delivered it began, while its outcome is unknown (in flight, timed
 *                     out, or answered but not recorded); null when no such call is outstanding
 */
public record OutboxEntry(long id, Instant createdAt, String topic, String kind, String batch, String destination,
                          String idempotencyKey, String payload, Long incidentId, int attempts,
                          Instant nextAttemptAt, String lastError, Instant sendingSince) {
}
