package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutboxRepository extends GenericRepository<OutboxRow, Long> {

    OutboxRow save(OutboxRow row);

    /** @return 0 when a row with the same idempotency key exists: one change never produces two deliveries */
    @Query("""
            INSERT INTO outbox (created_at, topic, destination, idempotency_key, payload, incident_id, status, attempts,
                                next_attempt_at)
            VALUES (:createdAt, :topic, :destination, :idempotencyKey, :payload, :incidentId, :status, 0, :createdAt)
            ON CONFLICT DO NOTHING""")
    int insertIfAbsent(Instant createdAt, String topic, String destination, String idempotencyKey, String payload,
                       @Nullable Long incidentId, String status);

    List<OutboxRow> findByStatusOrderById(String status);

    /** What is due now among the topics starting with {@code topicPrefix}, oldest first. */
    @Query("""
            SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= :now AND topic LIKE :topicPrefix || '%'
            ORDER BY id LIMIT :limit""")
    List<OutboxRow> findDue(String topicPrefix, Instant now, int limit);

    @Query("""
            SELECT * FROM outbox WHERE status = 'pending' AND topic LIKE :topicPrefix || '%' ORDER BY id LIMIT :limit""")
    List<OutboxRow> findPending(String topicPrefix, int limit);

    @Query("UPDATE outbox SET status = 'sent', sent_at = :at, attempts = attempts + 1 WHERE id = :id")
    void markSent(long id, Instant at);

    @Query("""
            UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error WHERE id = :id""")
    void markRetry(long id, Instant next, String error);

    @Query("UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = :error WHERE id = :id")
    void markFailed(long id, String error);

    long countByStatus(String status);
}
