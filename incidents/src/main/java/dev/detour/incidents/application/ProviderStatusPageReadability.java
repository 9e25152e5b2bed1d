package dev.detour.incidents.application;

import dev.detour.incidents.catalog.ProviderId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each provider's status page could be read at its last poll. A page that cannot be fetched or parsed,
 * or that answers in another shape than Statuspage's {@code summary.json} (HTML, another platform's JSON), is
 * "status page unreadable": a state of its own, never an outage signal (docs/signals.md). Held in the memory of
 * the replica that polls the page.
 */
@Singleton
public class ProviderStatusPageReadability {
    /**
     * @param since  when the page first failed in a row
     * @param reason what the last failed poll found, as a person reads it
     */
    public record Unreadable(String reason, Instant since) {
    }

    private final Map<ProviderId, Unreadable> unreadable = new ConcurrentHashMap<>();

    public void readable(ProviderId provider) {
        unreadable.remove(provider);
    }

    public void unreadable(ProviderId provider, String reason, Instant at) {
        unreadable.compute(provider, (id, before) -> new Unreadable(reason, before == null ? at : before.since()));
    }

    /** Empty while the page reads (or has not been polled yet). */
    public Optional<Unreadable> of(ProviderId provider) {
        return Optional.ofNullable(unreadable.get(provider));
    }
}
