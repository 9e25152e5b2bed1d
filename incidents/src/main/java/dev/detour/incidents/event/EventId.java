package dev.detour.incidents.event;

import java.util.Objects;
import java.util.UUID;

/**
 * Names one {@link DetourEvent} for good: given when the event is created, so everything derived from it (the
 * outbox rows it causes, their idempotency keys) refers to this event and no other, whatever it says.
 */
public record EventId(UUID value) {
    public EventId {
        Objects.requireNonNull(value, "value");
    }

    public static EventId random() {
        return new EventId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
