package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MaintenanceWindowRepository extends GenericRepository<MaintenanceWindowRow, String> {

    Optional<MaintenanceWindowRow> findById(String id);

    MaintenanceWindowRow update(MaintenanceWindowRow row);

    @Query("INSERT INTO maintenance_window (id, source_kind, provider, page_id, created_by, name, targets,"
            + " starts_at, ends_at, status, recorded_at, revision, told_revision, reminded_for, started_at, ended_at,"
            + " incident_id) VALUES (:id, :sourceKind, :provider, :pageId, :createdBy, :name, :targets, :startsAt,"
            + " :endsAt, :status, :recordedAt, :revision, :toldRevision, :remindedFor, :startedAt, :endedAt,"
            + " :incidentId) ON CONFLICT DO NOTHING")
    int insertIfAbsent(String id, String sourceKind, @Nullable String provider,
                       @Nullable String pageId,
                       @Nullable String createdBy, String name, String targets,
                       Instant startsAt, Instant endsAt, String status, Instant recordedAt, int revision,
                       int toldRevision, @Nullable Instant remindedFor,
                       @Nullable Instant startedAt,
                       @Nullable Instant endedAt,
                       @Nullable Long incidentId);

    @Query("SELECT * FROM maintenance_window WHERE id = :id FOR UPDATE")
    Optional<MaintenanceWindowRow> lock(String id);

    @Query("SELECT * FROM maintenance_window WHERE ends_at > :since OR (started_at IS NOT NULL AND ended_at IS NULL)"
            + " OR (told_revision > 0 AND told_revision < revision) ORDER BY starts_at, id")
    List<MaintenanceWindowRow> findNotOverBefore(Instant since);
}
