package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SignalStateRepository extends GenericRepository<SignalStateRow, String> {

    @Query("UPDATE signal_state SET state = :state, changed_at = :changedAt WHERE subject_key = :subjectKey"
            + " AND state <> :state")
    int update(String subjectKey, String state, Instant changedAt);

    @Query("INSERT INTO signal_state (subject_key, state, changed_at) VALUES (:subjectKey, :state, :changedAt)"
            + " ON CONFLICT DO NOTHING")
    int insertIfAbsent(String subjectKey, String state, Instant changedAt);
}
