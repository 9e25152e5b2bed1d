package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApprovalRequestRepository extends GenericRepository<ApprovalRequestRow, Long> {

    ApprovalRequestRow save(ApprovalRequestRow row);

    Optional<ApprovalRequestRow> findById(Long id);

    @Query("UPDATE approval_request SET state = :state, settled_by = :settledBy, settled_at = :settledAt"
            + " WHERE id = :id AND state = 'open'")
    int settleOpen(Long id, String state, String settledBy, Instant settledAt);

    @Query("SELECT * FROM approval_request WHERE state = 'open' AND kind = 'request' AND expires_at <= :now"
            + " ORDER BY expires_at, id")
    List<ApprovalRequestRow> findExpiredBy(Instant now);

    @Query("SELECT * FROM approval_request WHERE incident_id = :incidentId ORDER BY id")
    List<ApprovalRequestRow> findByIncident(Long incidentId);

    @Query("UPDATE approval_request SET channel = :channel, ts = :ts WHERE id = :id")
    int posted(Long id, String channel, String ts);
}
