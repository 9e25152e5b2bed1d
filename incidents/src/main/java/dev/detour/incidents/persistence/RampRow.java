package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The latest ramp of one target ({@code ramp}); {@code steps}, {@code evidence} and {@code knownFiring} are JSON
 * ({@link RampJson}).
 */
@MappedEntity("ramp")
public record RampRow(@Id String targetKey, String steps, long holdMs, int minRequests, String state, int step,
                      Instant startedAt, Instant stepSince, Instant holdSince, String evidence, int rollbacks,
                      Instant updatedAt, String knownFiring) {
}
