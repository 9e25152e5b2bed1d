package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The state a health source last announced about one subject, keyed by a SHA-256 of the subject. */
@MappedEntity("signal_state")
public record SignalStateRow(@Id String subjectKey, String state, Instant changedAt) {
}
