package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The latest ramp of one target ({@code ramp}); {@code steps}, {@code evidence}, {@code knownFiring} and
 * {@code lastHold} are JSON ({@link RampJson}); {@code lastHold} is null until the ramp's first hold ends.
 */
@MappedEntity("ramp")
public record RampRow(@Id String targetKey, String steps, long holdMs, int minRequests, String state, int step,
                      Instant startedAt, Instant stepSince, Instant holdSince, String evidence, int rollbacks,
                      Instant updatedAt, String knownFiring, @Nullable String lastHold) {
}
