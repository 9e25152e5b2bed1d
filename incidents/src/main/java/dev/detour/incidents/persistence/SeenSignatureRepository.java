package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SeenSignatureRepository extends GenericRepository<SeenSignatureRow, String> {

    /** @return 1 the first time a signature is seen, 0 after (a concurrent duplicate does not fail) */
    @Query("INSERT INTO seen_signature (signature, signed_at) VALUES (:signature, :signedAt) ON CONFLICT DO NOTHING")
    int insertIfAbsent(String signature, Instant signedAt);

    @Query("DELETE FROM seen_signature WHERE signed_at < :before")
    int deleteSignedBefore(Instant before);
}
