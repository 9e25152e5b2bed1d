package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ThreadQuestionRepository extends GenericRepository<ThreadQuestionRow, String> {

    ThreadQuestionRow save(ThreadQuestionRow row);

    Optional<ThreadQuestionRow> findById(String questionKey);

    @Query("DELETE FROM thread_question WHERE question_key = :questionKey")
    int delete(String questionKey);

    @Query("SELECT * FROM thread_question WHERE incident_id = :incidentId AND ts = :ts ORDER BY asked_at, question_key")
    List<ThreadQuestionRow> findOnMessage(Long incidentId, String ts);

    @Query("SELECT * FROM thread_question WHERE kind = 'consent' AND task_class = :taskClass"
            + " ORDER BY asked_at DESC, question_key LIMIT 1")
    List<ThreadQuestionRow> findLatestConsent(String taskClass);

    @Query("SELECT * FROM thread_question WHERE incident_id = :incidentId AND closed = FALSE"
            + " ORDER BY asked_at, question_key")
    List<ThreadQuestionRow> findNotClosed(Long incidentId);

    @Query("UPDATE thread_question SET outcome = :outcome, settled_by = :settledBy, settled_at = :settledAt,"
            + " closed = :closed WHERE question_key = :questionKey")
    int settle(String questionKey, String outcome, String settledBy, Instant settledAt, boolean closed);

    @Query("UPDATE thread_question SET closed = TRUE WHERE question_key = :questionKey")
    int close(String questionKey);
}
