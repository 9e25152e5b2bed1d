package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RouteHistoryRepository extends GenericRepository<RouteHistoryRow, Long> {

    RouteHistoryRow save(RouteHistoryRow row);

    /**
     * The changes from {@code from} on, plus each task class's last change before it (the state it entered the
     * period in), oldest first; at most {@code limit} rows.
     */
    @Query("SELECT * FROM route_history WHERE changed_at >= :from OR id IN (SELECT MAX(id) FROM route_history"
            + " WHERE changed_at < :from GROUP BY task_class_id) ORDER BY changed_at, id LIMIT :limit")
    List<RouteHistoryRow> findFrom(Instant from, int limit);
}
