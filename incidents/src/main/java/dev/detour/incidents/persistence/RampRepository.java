package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RampRepository extends GenericRepository<RampRow, String> {

    RampRow save(RampRow row);

    RampRow update(RampRow row);

    Optional<RampRow> findById(String targetKey);

    boolean existsById(String targetKey);

    @Query("UPDATE ramp SET evidence = :evidence, updated_at = :updatedAt WHERE target_key = :targetKey"
            + " AND state = :state AND step = :step AND hold_since = :holdSince")
    int updateEvidence(String targetKey, String evidence, Instant updatedAt, String state, int step,
                       Instant holdSince);

    @Query("SELECT * FROM ramp WHERE state IN ('running', 'paused', 'rolled-back') ORDER BY target_key")
    List<RampRow> findActive();
}
