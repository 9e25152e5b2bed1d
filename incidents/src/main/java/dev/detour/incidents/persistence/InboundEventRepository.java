package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InboundEventRepository extends GenericRepository<InboundEventRow, String> {

    /** @return 1 the first time the key is seen, 0 after (a concurrent duplicate does not fail) */
    @Query("INSERT INTO inbound_event (event_key, received_at) VALUES (:eventKey, :receivedAt) ON CONFLICT DO NOTHING")
    int insertIfAbsent(String eventKey, Instant receivedAt);
}
