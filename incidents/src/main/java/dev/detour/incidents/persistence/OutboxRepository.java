package dev.detour.incidents.persistence;

import dev.detour.incidents.incident.TextLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutboxRepository extends GenericRepository<OutboxRow, Long> {

    OutboxRow save(OutboxRow row);

    /** @return 0 when a row with the same idempotency key exists: one change never produces two deliveries */
    @Query("""
            INSERT INTO outbox (created_at, topic, kind, batch, destination, idempotency_key, payload, incident_id,
                                status, attempts, next_attempt_at)
            VALUES (:createdAt, :topic, :kind, :batch, :destination, :idempotencyKey, :payload, :incidentId, :status,
                    0, :createdAt)
            ON CONFLICT DO NOTHING""")
    int insertIfAbsent(Instant createdAt, String topic, String kind, String batch, String destination,
                       String idempotencyKey, String payload, @Nullable Long incidentId, String status);

    /** Deletes the pending row with this idempotency key, if any. */
    @Query("DELETE FROM outbox WHERE idempotency_key = :idempotencyKey AND status = 'pending'")
    int deletePending(String idempotencyKey);

    List<OutboxRow> findByStatusOrderById(String status);

    Optional<OutboxRow> findById(long id);

    /** What is due now among the topics starting with {@code topicPrefix}, oldest first. */
    @Query("""
            SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= :now AND topic LIKE :topicPrefix || '%'
            ORDER BY id LIMIT :limit""")
    List<OutboxRow> findDue(String topicPrefix, Instant now, int limit);

    /**
     * Locks one pending row for the caller's transaction, or returns nothing when another replica holds it (or it
     * is no longer pending): replicas never deliver the same row. H2 supports this too.
     */
    @Query("SELECT * FROM outbox WHERE id = :id AND status = 'pending' FOR UPDATE SKIP LOCKED")
    Optional<OutboxRow> lockPending(long id);

    /**
     * As {@link #lockPending}, and only while the row is due: a row another replica is sending is not due until its
     * call can no longer be running.
     */
    @Query("""
            SELECT * FROM outbox WHERE id = :id AND status = 'pending' AND next_attempt_at <= :now
            FOR UPDATE SKIP LOCKED""")
    Optional<OutboxRow> lockDue(long id, Instant now);

    /** Undelivered rows of the same destination written before this one: those go first. */
    @Query("""
            SELECT COUNT(*) FROM outbox
            WHERE status = 'pending' AND destination = :destination AND id < :id AND topic LIKE :topicPrefix || '%'""")
    long countPendingBefore(String topicPrefix, String destination, long id);

    @Query("""
            SELECT * FROM outbox WHERE destination = :destination AND topic LIKE :topicPrefix || '%'
            ORDER BY id DESC LIMIT 1""")
    Optional<OutboxRow> findNewest(String topicPrefix, String destination);

    @Query("""
            SELECT * FROM outbox WHERE status = 'pending' AND topic LIKE :topicPrefix || '%' ORDER BY id LIMIT :limit""")
    List<OutboxRow> findPending(String topicPrefix, int limit);

    @Query("""
            UPDATE outbox SET status = 'sent', sent_at = :at, attempts = attempts + 1, sending_since = NULL
            WHERE id = :id""")
    void markSent(long id, Instant at);

    /** The attempt did not deliver it (the outside system said so): try again at {@code next}. */
    default void markRetry(long id, Instant next, String error) {
        retryLater(id, next, TextLimits.clip(error, OutboxRow.LAST_ERROR));
    }

    /** @param error what the receiver answered, cut to fit its column */
    default void markFailed(long id, String error) {
        giveUp(id, TextLimits.clip(error, OutboxRow.LAST_ERROR));
    }

    @Query("""
            UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error,
                              sending_since = NULL
            WHERE id = :id""")
    void retryLater(long id, Instant next, String error);

    @Query("""
            UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = :error, sending_since = NULL
            WHERE id = :id""")
    void giveUp(long id, String error);

    /**
     * A call that may deliver the row begins: committed before the call, so a crash or a lost commit leaves the row
     * marked as possibly delivered. {@code until} keeps other replicas off it while the call can still run. An
     * earlier unknown attempt keeps its start.
     */
    @Query("""
            UPDATE outbox SET sending_since = COALESCE(sending_since, :since), next_attempt_at = :until
            WHERE id = :id""")
    void markSending(long id, Instant since, Instant until);

    /** The call ended without an answer that says whether it delivered: reconcile at {@code next}. */
    default void markUnknown(long id, Instant next, String error) {
        unknownUntil(id, next, TextLimits.clip(error, OutboxRow.LAST_ERROR));
    }

    @Query("""
            UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error WHERE id = :id""")
    void unknownUntil(long id, Instant next, String error);

    /** The newest undelivered row of a kind for an incident, e.g. the last pending refresh of its root message. */
    @Query("""
            SELECT MAX(id) FROM outbox WHERE status = 'pending' AND kind = :kind AND incident_id = :incidentId""")
    Optional<Long> newestPendingId(String kind, long incidentId);

    /**
     * Marks sent the undelivered rows of a kind for an incident up to {@code upTo}, which one delivery made
     * redundant (a root refresh renders the incident as it is now). Rows another call may be delivering are left.
     */
    @Query("""
            UPDATE outbox SET status = 'sent', sent_at = :at
            WHERE status = 'pending' AND kind = :kind AND incident_id = :incidentId AND id <= :upTo
              AND sending_since IS NULL""")
    int markFolded(String kind, long incidentId, long upTo, Instant at);

    long countByStatus(String status);

    @Query("SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND topic LIKE :topicPrefix || '%'")
    long countPending(String topicPrefix);

    /** When the oldest undelivered row among those topics was written; empty when there is none. */
    @Query("SELECT MIN(created_at) FROM outbox WHERE status = 'pending' AND topic LIKE :topicPrefix || '%'")
    Optional<Instant> oldestPending(String topicPrefix);

    /**
     * Deletes delivered rows sent before {@code sentBefore} that no idempotency check can need again: rows without
     * an incident or of a resolved one (see {@code OutboxPruning} for why), at most {@code limit} of them.
     *
     * @return how many were deleted
     */
    @Query("""
            DELETE FROM outbox WHERE id IN (
              SELECT o.id FROM outbox o LEFT JOIN incident i ON i.id = o.incident_id
              WHERE o.status = 'sent' AND o.sent_at < :sentBefore AND o.sending_since IS NULL
                AND (o.incident_id IS NULL OR i.state = 'resolved')
              ORDER BY o.id LIMIT :limit)""")
    int deleteDelivered(Instant sentBefore, int limit);
}
