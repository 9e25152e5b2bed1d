package dev.detour.incidents.queries;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.flags.FlagSet;
import dev.detour.incidents.flags.FlagsChanged;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.ports.RoutingStore;
import dev.detour.incidents.readmodel.DetourStatus;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The flags as of the last committed change, for OFREP: rebuilt from the database once per commit that can
 * change them and swapped in whole, so an evaluation is a map lookup and never a database read. Changes another
 * replica commits (to routing or to an incident) are noticed by polling a version ({@code detour.flags.sync},
 * 250 ms). {@code GET /api/status} answers from the same snapshot, so it answers while the database is down.
 * A swap that changes anything is told to in-process listeners as {@link FlagsChanged}.
 */
@Singleton
public class CurrentFlags {
    private final StatusService statuses;
    private final Catalog catalog;
    private final RoutingStore store;
    private final ApplicationEventPublisher<FlagsChanged> changes;
    private final AtomicReference<FlagSet> current = new AtomicReference<>();
    private final AtomicReference<DetourStatus> status = new AtomicReference<>();
    private final AtomicLong version = new AtomicLong(-1);
    private final Clock clock;
    /** When the snapshot was last found to match the database: what its age, in health, counts from. */
    private volatile Instant confirmedAt;

    public CurrentFlags(StatusService status, Catalog catalog, RoutingStore store,
                        ApplicationEventPublisher<FlagsChanged> changes, Clock clock) {
        this.clock = clock;
        this.statuses = status;
        this.catalog = catalog;
        this.store = store;
        this.changes = changes;
    }

    /**
     * The committed status these flags were built from: what reading commands show, without a database read
     * each (under a burst of {@code /detour status}, those reads were half the work after each acknowledgement).
     */
    public DetourStatus status() {
        DetourStatus committed = status.get();
        if (committed == null) {
            refresh();
            return status.get();
        }
        return committed;
    }

    public FlagSet get() {
        FlagSet flags = current.get();
        return flags != null ? flags : refresh();
    }

    /** Reads the committed state (in a transaction of its own, never a caller's) and swaps it in. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW, readOnly = true)
    public FlagSet refresh() {
        // One at a time: two commits refreshing together must not swap the older reading in last.
        synchronized (current) {
            version.set(store.version());
            DetourStatus committed = statuses.current();
            FlagSet flags = FlagSet.of(committed, catalog);
            status.set(committed);
            FlagSet before = current.getAndSet(flags);
            confirmedAt = clock.instant();
            if (before != null && !before.etag().equals(flags.etag())) {
                changes.publishEvent(new FlagsChanged(before, flags));
            }
            return flags;
        }
    }

    /** Another replica's change: its commit moved the routing version, which this replica has not seen. */
    @Job("flags-sync")
    @Scheduled(fixedDelay = "${detour.flags.sync:250ms}", initialDelay = "${detour.flags.sync:250ms}")
    @Transactional(readOnly = true)
    public void syncWithOtherReplicas() {
        if (store.version() != version.get()) {
            refresh();
        } else {
            confirmedAt = clock.instant();
        }
    }

    /**
     * Whether a snapshot is loaded (OFREP can answer), and when it was last found to match the database: while
     * the database cannot be read, flags are served from it and it grows older.
     */
    public Optional<Instant> confirmedAt() {
        return current.get() == null ? Optional.empty() : Optional.ofNullable(confirmedAt);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        refresh();
    }

    @TransactionalEventListener
    void onCommitted(DetourEvent event) {
        refresh();
    }
}
