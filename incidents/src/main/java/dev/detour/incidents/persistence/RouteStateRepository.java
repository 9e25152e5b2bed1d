package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RouteStateRepository extends GenericRepository<RouteStateRow, String> {

    RouteStateRow save(RouteStateRow row);

    RouteStateRow update(RouteStateRow row);

    List<RouteStateRow> findAll();

    Optional<RouteStateRow> findById(String taskClassId);

    /**
     * Takes the routing lock for the rest of the transaction: routing changes read availability, overrides and
     * consents, then write route states, so two of them must not interleave (on one replica or several).
     */
    @Query("UPDATE routing_lock SET changes = changes + 1 WHERE id = 1")
    void lockRouting();

    /**
     * Moves whenever any replica changes routing or an incident: the routing changes plus the newest timeline
     * entry (every change of an incident writes one), both of which only grow.
     */
    @Query("SELECT changes + COALESCE((SELECT MAX(id) FROM timeline_entry), 0) FROM routing_lock WHERE id = 1")
    long routingVersion();
}
