package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SignalStateRepository extends GenericRepository<SignalStateRow, String> {

    /**
     * @return 1 when {@code subject} was in another state and is now in {@code state}; 0 when it was already in it
     *         or has no row yet. A concurrent caller with the same change waits for the first to commit and then
     *         finds nothing to change.
     */
    default int change(String subject, String state, Instant at) {
        return update(InboundEventRow.key("signal-state", subject), state, at);
    }

    /** @return 1 when {@code subject} had no row and now has one; 0 when it had one (a concurrent insert too) */
    default int first(String subject, String state, Instant at) {
        return insertIfAbsent(InboundEventRow.key("signal-state", subject), state, at);
    }

    @Query("UPDATE signal_state SET state = :state, changed_at = :changedAt WHERE subject_key = :subjectKey"
            + " AND state <> :state")
    int update(String subjectKey, String state, Instant changedAt);

    @Query("INSERT INTO signal_state (subject_key, state, changed_at) VALUES (:subjectKey, :state, :changedAt)"
            + " ON CONFLICT DO NOTHING")
    int insertIfAbsent(String subjectKey, String state, Instant changedAt);
}
