package dev.detour.incidents.subscription;

import java.time.Instant;
import java.util.Objects;

/** An email subscriber as stored. */
public record Subscriber(long id, EmailAddress address, SubscriberState state, Instant changedAt) {
    public Subscriber {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
