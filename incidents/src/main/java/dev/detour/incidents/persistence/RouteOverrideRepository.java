package dev.detour.incidents.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RouteOverrideRepository extends GenericRepository<RouteOverrideRow, String> {

    RouteOverrideRow save(RouteOverrideRow row);

    RouteOverrideRow update(RouteOverrideRow row);

    Optional<RouteOverrideRow> findById(String taskClassId);

    List<RouteOverrideRow> findAll();

    /** Releasing an override removes it; the audit trail keeps the history. */
    void deleteById(String taskClassId);
}
