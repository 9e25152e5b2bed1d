package dev.detour.incidents.jobs;

import dev.detour.incidents.routing.RouteReason;
import dev.detour.incidents.application.Outbox;
import dev.detour.incidents.application.RouteRecalculation;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.ports.RoutingStore;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Brings stored routes in line with the configuration at start-up: the first start stores every task class's
 * route, and a changed config (a new task class, a new route) takes effect, audited like any other change.
 */
@Singleton
public class RoutingStartup {
    private final RoutingStore store;
    private final RouteRecalculation routes;
    private final Outbox outbox;

    public RoutingStartup(RoutingStore store, RouteRecalculation routes, Outbox outbox) {
        this.store = store;
        this.routes = routes;
        this.outbox = outbox;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        reconcile();
    }

    @Transactional
    public void reconcile() {
        store.lock();
        outbox.enqueue(routes.recalculate(Actor.system("startup"), Optional.of(new RouteReason.ConfigurationLoaded()),
                Optional.empty()));
    }
}
