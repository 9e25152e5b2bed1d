package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

// One SQL dialect for both databases: H2 runs in PostgreSQL mode (see the datasource URL in README.md).
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IncidentRepository extends GenericRepository<IncidentRow, Long> {

    /** The next incident number; a sequence never hands out a number twice, even to concurrent callers. */
    @Query("SELECT nextval('incident_number')")
    long nextNumber();

    IncidentRow save(IncidentRow row);

    IncidentRow update(IncidentRow row);

    Optional<IncidentRow> findById(Long id);

    /** Reads an incident and locks it until the transaction ends, so changes to one incident queue up. */
    @Query("SELECT * FROM incident WHERE id = :id FOR UPDATE")
    Optional<IncidentRow> findByIdForUpdate(Long id);

    @Query("SELECT * FROM incident WHERE state <> 'resolved' ORDER BY id")
    List<IncidentRow> findOpen();

    @Query("SELECT COUNT(*) FROM incident WHERE state <> 'resolved'")
    long countOpen();

    @Query("SELECT * FROM incident ORDER BY id DESC LIMIT :limit")
    List<IncidentRow> findLatest(int limit);
}
