package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SlackSubscriberRepository extends GenericRepository<SlackSubscriberRow, String> {

    /** @return 1 when the user was not subscribed yet */
    @Query("INSERT INTO slack_subscriber (user_id, since) VALUES (:userId, :since) ON CONFLICT DO NOTHING")
    int insertIfAbsent(String userId, Instant since);

    @Query("DELETE FROM slack_subscriber WHERE user_id = :userId")
    int delete(String userId);

    @Query("SELECT * FROM slack_subscriber ORDER BY since, user_id")
    List<SlackSubscriberRow> findAll();
}
