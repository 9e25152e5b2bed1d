package dev.detour.incidents.service;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.flags.FlagSet;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The flags as of the last committed change, for OFREP: rebuilt from the database once per commit that can
 * change them and swapped in whole, so an evaluation is a map lookup and never a database read.
 */
@Singleton
public class CurrentFlags {
    private final StatusService status;
    private final Catalog catalog;
    private final AtomicReference<FlagSet> current = new AtomicReference<>();

    public CurrentFlags(StatusService status, Catalog catalog) {
        this.status = status;
        this.catalog = catalog;
    }

    public FlagSet get() {
        FlagSet flags = current.get();
        return flags != null ? flags : refresh();
    }

    /** Reads the committed state (in a transaction of its own, never a caller's) and swaps it in. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW, readOnly = true)
    public FlagSet refresh() {
        FlagSet flags = FlagSet.of(status.current(), catalog);
        current.set(flags);
        return flags;
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
