package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An email subscriber as V26 stores it. */
@MappedEntity("email_subscriber")
public record EmailSubscriberRow(@Id @GeneratedValue @Nullable Long id, String address, String state,
                                 Instant changedAt) {
}
