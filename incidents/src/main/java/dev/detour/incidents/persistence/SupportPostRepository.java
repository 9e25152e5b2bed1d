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

    /** The incidents support had posts about, the one with the newest post first. */
    @Query("SELECT incident_id FROM support_post GROUP BY incident_id ORDER BY MAX(id) DESC LIMIT :limit")
    List<Long> findLatestIncidents(int limit);

    /** The incidents support had posts about that were opened in [from, until). */
    @Query("SELECT DISTINCT p.incident_id FROM support_post p JOIN incident i ON i.id = p.incident_id"
            + " WHERE i.opened_at >= :from AND i.opened_at < :until")
    List<Long> findIncidentsOpenedBetween(Instant from, Instant until);

    /** One incident's newest posts, newest first. */
    @Query("SELECT * FROM support_post WHERE incident_id = :incidentId ORDER BY id DESC LIMIT :limit")
    List<SupportPostRow> findOfIncident(long incidentId, int limit);

    /** When the incident last had a post. */
    @Query("SELECT MAX(created_at) FROM support_post WHERE incident_id = :incidentId")
    Optional<Instant> lastCreated(long incidentId);
}
