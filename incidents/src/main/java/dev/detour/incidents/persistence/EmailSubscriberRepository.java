package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EmailSubscriberRepository extends GenericRepository<EmailSubscriberRow, Long> {

    /** @return 1 when the address is new, 0 when it is stored already (a concurrent subscribe does not fail) */
    @Query("INSERT INTO email_subscriber (address, state, changed_at) VALUES (:address, :state, :changedAt)"
            + " ON CONFLICT DO NOTHING")
    int insertIfAbsent(String address, String state, Instant changedAt);

    @Query("SELECT * FROM email_subscriber WHERE address = :address FOR UPDATE")
    Optional<EmailSubscriberRow> lockByAddress(String address);

    @Query("SELECT * FROM email_subscriber WHERE id = :id FOR UPDATE")
    Optional<EmailSubscriberRow> lockById(long id);

    @Query("SELECT * FROM email_subscriber WHERE id = :id")
    Optional<EmailSubscriberRow> findById(long id);

    @Query("UPDATE email_subscriber SET state = :state, changed_at = :changedAt WHERE id = :id")
    int changeState(long id, String state, Instant changedAt);

    @Query("SELECT * FROM email_subscriber WHERE state = :state ORDER BY id")
    List<EmailSubscriberRow> findByState(String state);
}
