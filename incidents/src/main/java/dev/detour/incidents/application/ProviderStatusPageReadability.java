package dev.detour.incidents.application;

import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.ports.StatusPageReadabilityStore;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether each provider's status page could be read at its last poll. A page that cannot be fetched or parsed,
 * or that answers in another shape than Statuspage's {@code summary.json} (HTML, another platform's JSON), is
 * "status page unreadable": a state of its own, never an outage signal (docs/signals.md). The replica that polls
 * the page writes it to the database and to its memory at once; every replica reads the database every
 * {@code detour.statuspage.readability-refresh} into memory, so {@code /api/status}, the metric and the
 * root message agree on all replicas and answer without a database read (and, while it is down, with the last
 * answer).
 */
@Singleton
public class ProviderStatusPageReadability {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderStatusPageReadability.class);

    /**
     * @param since  when the page first failed in a row
     * @param reason what the last failed poll found, as a person reads it
     */
    public record Unreadable(String reason, Instant since) {
    }

    private final StatusPageReadabilityStore store;
    private volatile Map<ProviderId, Unreadable> unreadable = Map.of();

    public ProviderStatusPageReadability(StatusPageReadabilityStore store) {
        this.store = store;
    }

    public void readable(ProviderId provider) {
        if (unreadable.containsKey(provider)) {
            change(pages -> pages.remove(provider));
        }
        write(() -> store.readable(provider), provider);
    }

    public void unreadable(ProviderId provider, String reason, Instant at) {
        // PostgreSQL keeps microseconds: the polling replica remembers the moment the others read back.
        Instant moment = at.truncatedTo(ChronoUnit.MICROS);
        change(pages -> pages.compute(provider, (id, before) -> new Unreadable(reason,
                before == null ? moment : before.since())));
        write(() -> store.unreadable(provider, reason, moment), provider);
    }

    /** Empty while the page reads (or has not been polled yet). */
    public Optional<Unreadable> of(ProviderId provider) {
        return Optional.ofNullable(unreadable.get(provider));
    }

    @Job("status-page-readability")
    @Scheduled(fixedDelay = "${detour.statuspage.readability-refresh:5s}",
            initialDelay = "${detour.outbox.first-poll:1s}")
    public void poll() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("could not read which status pages are unreadable; keeping the last answer", e);
        }
    }

    /** Reads what every replica's polls found, replacing this replica's memory. */
    public void refresh() {
        Map<ProviderId, Unreadable> read = new HashMap<>();
        store.unreadable().forEach((provider, page) -> read.put(provider, new Unreadable(page.reason(),
                page.since())));
        unreadable = Map.copyOf(read);
    }

    private synchronized void change(java.util.function.Consumer<Map<ProviderId, Unreadable>> edit) {
        Map<ProviderId, Unreadable> next = new HashMap<>(unreadable);
        edit.accept(next);
        unreadable = Map.copyOf(next);
    }

    /** The database being down does not stop the poll: this replica knows, the others learn on the next write. */
    private static void write(Runnable write, ProviderId provider) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.warn("could not share the status page state of {}: {}", provider, e.getMessage());
        }
    }
}
