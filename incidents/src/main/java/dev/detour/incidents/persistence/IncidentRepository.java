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

    /**
     * The number after the highest one taken: call it only under the opening lock
     * ({@link OpenIncidentProviderRepository#lockOpening()}), which serialises openings until their transactions
     * end, so no two openings get the same number and none is skipped. (The {@code incident_number} sequence of
     * V1 skipped up to 32 numbers after a PostgreSQL crash and one per rolled-back opening; docs/api.md.)
     */
    @Query("SELECT COALESCE(MAX(id), 0) + 1 FROM incident")
    long nextNumber();

    /**
     * Moves V1's sequence on by one for each opening, which keeps it at or ahead of the highest number: the
     * previous release numbers from it, and must not hand out a number taken here after a rollback.
     */
    @Query("SELECT nextval('incident_number')")
    long advanceLegacySequence();

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
