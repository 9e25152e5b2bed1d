package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StatusPageUnreadableRepository extends GenericRepository<StatusPageUnreadableRow, String> {

    /** A first failure in a row: its time starts {@code since}; 0 when the page was unreadable already. */
    @Query("INSERT INTO status_page_unreadable (provider, reason, since, checked_at)"
            + " VALUES (:provider, :reason, :at, :at) ON CONFLICT DO NOTHING")
    int insertIfAbsent(String provider, String reason, Instant at);

    /** A later failure: the reason and time of the check, {@code since} kept. */
    @Query("UPDATE status_page_unreadable SET reason = :reason, checked_at = :at WHERE provider = :provider")
    int update(String provider, String reason, Instant at);

    @Query("DELETE FROM status_page_unreadable WHERE provider = :provider")
    int delete(String provider);

    List<StatusPageUnreadableRow> findAll();
}
