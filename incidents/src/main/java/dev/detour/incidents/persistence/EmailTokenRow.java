package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A link token by its hash: whose, for what, until when (V26). */
@MappedEntity("email_token")
public record EmailTokenRow(@Id String tokenHash, long subscriberId, String purpose, Instant expiresAt) {
}
