package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/**
 * The audit trail. Deliberately offers only inserts and reads: there is no method to update or delete a record
 * (and the database refuses it too, see V2__audit_is_append_only.sql).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuditRecordRepository extends GenericRepository<AuditRecordRow, Long> {

    AuditRecordRow save(AuditRecordRow row);

    /** Records in the order they were written; each filter applies only when given. */
    @Query("""
            SELECT * FROM audit_record
            WHERE (CAST(:incidentId AS BIGINT) IS NULL OR incident_id = :incidentId)
              AND (CAST(:subject AS VARCHAR(200)) IS NULL OR subject = :subject)
              AND (CAST(:since AS TIMESTAMP WITH TIME ZONE) IS NULL OR occurred_at >= :since)
              AND (CAST(:until AS TIMESTAMP WITH TIME ZONE) IS NULL OR occurred_at < :until)
              AND (CAST(:hiddenActor AS VARCHAR(200)) IS NULL OR actor <> :hiddenActor)
              AND id > :afterId
            ORDER BY id
            LIMIT :limit OFFSET :offset""")
    List<AuditRecordRow> search(@Nullable Long incidentId, @Nullable String subject, @Nullable Instant since,
                                @Nullable Instant until, @Nullable String hiddenActor, long afterId, int limit,
                                long offset);

    /** The newest records first: the same filters as {@link #search}, the limit keeping the newest. */
    @Query("""
            SELECT * FROM audit_record
            WHERE (CAST(:incidentId AS BIGINT) IS NULL OR incident_id = :incidentId)
              AND (CAST(:subject AS VARCHAR(200)) IS NULL OR subject = :subject)
              AND (CAST(:since AS TIMESTAMP WITH TIME ZONE) IS NULL OR occurred_at >= :since)
              AND (CAST(:until AS TIMESTAMP WITH TIME ZONE) IS NULL OR occurred_at < :until)
              AND (CAST(:hiddenActor AS VARCHAR(200)) IS NULL OR actor <> :hiddenActor)
              AND id > :afterId
            ORDER BY id DESC
            LIMIT :limit OFFSET :offset""")
    List<AuditRecordRow> searchNewestFirst(@Nullable Long incidentId, @Nullable String subject,
                                           @Nullable Instant since, @Nullable Instant until,
                                           @Nullable String hiddenActor, long afterId, int limit, long offset);
}
