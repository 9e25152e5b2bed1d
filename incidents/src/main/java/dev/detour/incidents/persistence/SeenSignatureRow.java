package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A signed request already taken, by its signature, with the time it was signed at. */
@MappedEntity("seen_signature")
public record SeenSignatureRow(@Id String signature, Instant signedAt) {
}
