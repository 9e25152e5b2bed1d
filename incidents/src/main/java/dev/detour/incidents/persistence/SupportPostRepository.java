package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SupportPostRepository extends GenericRepository<SupportPostRow, Long> {

    SupportPostRow save(SupportPostRow row);

    /** The newest posts, newest first. */
    @Query("SELECT * FROM support_post ORDER BY id DESC LIMIT :limit")
    List<SupportPostRow> findLatest(int limit);

    /** When the incident last had a post. */
    @Query("SELECT MAX(created_at) FROM support_post WHERE incident_id = :incidentId")
    Optional<Instant> lastCreated(long incidentId);
}
