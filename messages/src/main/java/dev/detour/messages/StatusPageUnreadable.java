package dev.detour.messages;

import dev.detour.incidents.catalog.ProviderId;

import java.time.Instant;
import java.util.Objects;

/** A provider's status page that cannot be read, since when (docs/signals.md, "status page unreadable"). */
public record StatusPageUnreadable(ProviderId provider, Instant since) {
    public StatusPageUnreadable {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(since, "since");
    }
}
