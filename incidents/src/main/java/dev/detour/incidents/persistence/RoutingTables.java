package dev.detour.incidents.persistence;

import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.EnumWords;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.ports.RouteHistory;
import dev.detour.incidents.ports.RoutingStore;
import dev.detour.incidents.routing.Availability;
import dev.detour.incidents.routing.ConsentRecord;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.routing.RouteStateChange;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Maps availability, overrides, consents and route states between the routing domain and rows. */
@Singleton
public class RoutingTables implements RoutingStore {
    private static final String PIN = "pin";
    private static final String STOP = "stop";

    private final AvailabilityRepository availability;
    private final RouteOverrideRepository overrides;
    private final ConsentRepository consents;
    private final RouteStateRepository routes;
    private final RouteHistory history;

    public RoutingTables(AvailabilityRepository availability, RouteOverrideRepository overrides,
                         ConsentRepository consents, RouteStateRepository routes, RouteHistory history) {
        this.availability = availability;
        this.overrides = overrides;
        this.consents = consents;
        this.routes = routes;
        this.history = history;
    }

    /** See {@link RouteStateRepository#lockRouting()}. */
    @Override
    public void lock() {
        routes.lockRouting();
    }

    @Override
    public long version() {
        return routes.routingVersion();
    }

    @Override
    public Availability availability() {
        Availability current = Availability.allAvailable();
        for (AvailabilityRow row : availability.findAll()) {
            Availability before = current;
            current = TargetKeys.target(row.target()).fold(provider -> before.withProvider(provider,
                    row.available()), model -> before.withModel(model, row.available()));
        }
        return current;
    }

    @Override
    public Map<Target, Instant> availabilitySince() {
        Map<Target, Instant> since = new LinkedHashMap<>();
        availability.findAll().forEach(row -> since.put(TargetKeys.target(row.target()), row.since()));
        return since;
    }

    @Override
    public void setAvailability(Target target, boolean available, Instant at, Actor by, Optional<String> reason,
                                Optional<IncidentId> incident) {
        AvailabilityRow row = new AvailabilityRow(TargetKeys.key(target), available, at, by.toString(),
                reason.orElse(null), incident.map(IncidentId::number).orElse(null));
        upsert(row, row.target(), availability::findById, availability::update, availability::save);
    }

    @Override
    public Map<TaskClassId, RouteOverride> overrides() {
        Map<TaskClassId, RouteOverride> all = new LinkedHashMap<>();
        for (RouteOverrideRow row : overrides.findAll()) {
            all.put(TaskClassId.of(row.taskClassId()), PIN.equals(row.overrideKind())
                    ? new RouteOverride.Pin(ModelId.of(row.modelId())) : new RouteOverride.Stop());
        }
        return all;
    }

    @Override
    public void setOverride(TaskClassId taskClass, RouteOverride override, Instant at, Actor by,
                            Optional<String> reason) {
        String model = override instanceof RouteOverride.Pin pin ? pin.model().value() : null;
        RouteOverrideRow row = new RouteOverrideRow(taskClass.value(), model == null ? STOP : PIN, model, at,
                by.toString(), reason.orElse(null));
        upsert(row, row.taskClassId(), overrides::findById, overrides::update, overrides::save);
    }

    @Override
    public void releaseOverride(TaskClassId taskClass) {
        overrides.deleteById(taskClass.value());
    }

    @Override
    public Map<TaskClassId, ConsentRecord> consents() {
        Map<TaskClassId, ConsentRecord> all = new LinkedHashMap<>();
        for (ConsentRow row : consents.findAll()) {
            TaskClassId id = TaskClassId.of(row.taskClassId());
            all.put(id, new ConsentRecord(id, ModelId.of(row.offeredModel()),
                    ConsentAnswer.fromWord(row.answer()).orElseThrow(), row.timedOut()));
        }
        return all;
    }

    @Override
    public void setConsent(ConsentRecord consent, Instant at, Actor by) {
        ConsentRow row = new ConsentRow(consent.taskClass().value(), consent.offered().value(),
                consent.answer().word(), at, by.toString(), consent.timedOut());
        upsert(row, row.taskClassId(), consents::findById, consents::update, consents::save);
    }

    @Override
    public void clearConsent(TaskClassId taskClass) {
        consents.deleteById(taskClass.value());
    }

    @Override
    public Map<TaskClassId, StoredRoute> routes() {
        Map<TaskClassId, StoredRoute> all = new LinkedHashMap<>();
        for (RouteStateRow row : routes.findAll()) {
            TaskClassId id = TaskClassId.of(row.taskClassId());
            Route route = new Route(id, EnumWords.parse(RouteState.values(), row.state()).orElseThrow(),
                    Optional.ofNullable(row.servingModel()).map(ModelId::of),
                    Optional.ofNullable(row.offeredModel()).map(ModelId::of), RouteCause.valueOf(row.cause()));
            all.put(id, new StoredRoute(route, row.since()));
        }
        return all;
    }

    /** Stores the route and appends it to the route history, when its state changed or it is the first one. */
    @Override
    public void saveRoute(Route route, Instant since, Optional<Route> before) {
        // The caller read the stored route already: no second read of it on the way to a flag change.
        if (before.isEmpty() || before.get().state() != route.state()) {
            history.append(new RouteStateChange(route.taskClass(), route.state(), since));
        }
        RouteStateRow row = new RouteStateRow(route.taskClass().value(), route.state().word(),
                route.serving().map(ModelId::value).orElse(null), route.offered().map(ModelId::value).orElse(null),
                route.cause().name(), since);
        if (before.isPresent()) {
            routes.update(row);
        } else {
            routes.save(row);
        }
    }

    /** Writes the row whether or not one exists yet; callers hold the routing lock, so nobody races them. */
    private static <R, K> void upsert(R row, K key, Function<K, Optional<R>> find, Consumer<R> update,
                                      Consumer<R> insert) {
        if (find.apply(key).isPresent()) {
            update.accept(row);
        } else {
            insert.accept(row);
        }
    }
}
