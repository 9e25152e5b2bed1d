package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EmailTokenRepository extends GenericRepository<EmailTokenRow, String> {

    @Query("INSERT INTO email_token (token_hash, subscriber_id, purpose, expires_at)"
            + " VALUES (:tokenHash, :subscriberId, :purpose, :expiresAt)")
    int insert(String tokenHash, long subscriberId, String purpose, Instant expiresAt);

    @Query("SELECT * FROM email_token WHERE token_hash = :tokenHash AND purpose = :purpose AND expires_at > :now")
    Optional<EmailTokenRow> findValid(String tokenHash, String purpose, Instant now);

    @Query("DELETE FROM email_token WHERE token_hash = :tokenHash")
    int delete(String tokenHash);

    @Query("DELETE FROM email_token WHERE expires_at <= :now")
    int deleteExpired(Instant now);
}
