package dev.detour.incidents.queries;

import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.ports.RampStore;
import dev.detour.incidents.ports.RoutingStore;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.routing.Availability;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RoutePlanner;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Reads the current status of every provider, model and task class, and the ramps of targets coming back. */
@Singleton
public class StatusService {
    private final RoutingStore store;
    private final RampStore ramps;
    private final IncidentService incidents;
    private final Catalog catalog;
    private final Clock clock;
    private final RoutePlanner planner = new RoutePlanner();

    public StatusService(RoutingStore store, RampStore ramps, IncidentService incidents, Catalog catalog,
                         Clock clock) {
        this.store = store;
        this.ramps = ramps;
        this.incidents = incidents;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public DetourStatus current() {
        Availability availability = store.availability();
        Map<Target, Instant> since = store.availabilitySince();
        Map<TaskClassId, RoutingStore.StoredRoute> routes = store.routes();
        // Only before the first start-up recalculation is a route missing; plan it so status is never empty.
        Map<TaskClassId, Route> planned = planner.planAll(catalog, availability, store.overrides(), store.consents());
        return new DetourStatus(clock.instant(),
                catalog.providers().stream().map(provider -> status(provider, availability, since)).toList(),
                catalog.models().stream().map(model -> status(model, availability, since)).toList(),
                catalog.taskClasses().stream().map(taskClass -> status(taskClass, routes, planned)).toList(),
                incidents.openIncidents(), ramps.active().stream().flatMap(ramp -> ramp.share().stream()).toList());
    }

    private static DetourStatus.ProviderStatus status(Provider provider, Availability availability,
                                                      Map<Target, Instant> since) {
        return new DetourStatus.ProviderStatus(provider.id(), provider.name(), availability.isAvailable(provider.id()),
                Optional.ofNullable(since.get(Target.provider(provider.id()))));
    }

    private DetourStatus.ModelStatus status(Model model, Availability availability, Map<Target, Instant> since) {
        return new DetourStatus.ModelStatus(model.id(), model.provider(), model.name(),
                availability.isAvailable(model.id()), availability.isUsable(model.id(), catalog),
                Optional.ofNullable(since.get(Target.model(model.id()))));
    }

    private static DetourStatus.TaskClassStatus status(TaskClass taskClass,
                                                       Map<TaskClassId, RoutingStore.StoredRoute> routes,
                                                       Map<TaskClassId, Route> planned) {
        Optional<RoutingStore.StoredRoute> stored = Optional.ofNullable(routes.get(taskClass.id()));
        return new DetourStatus.TaskClassStatus(taskClass.id(), taskClass.name(), taskClass.failover(),
                taskClass.route(), stored.map(RoutingStore.StoredRoute::route).orElse(planned.get(taskClass.id())),
                stored.map(RoutingStore.StoredRoute::since));
    }
}
