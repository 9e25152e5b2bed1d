package dev.detour.incidents.ports;

import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.routing.Availability;
import dev.detour.incidents.routing.ConsentRecord;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteOverride;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Availability, route overrides, consents and route states, kept in the caller's transaction. */
public interface RoutingStore {
    /** Serialises routing changes until the transaction ends: routing changes take this lock first. */
    void lock();

    /** Moves with every routing change and every incident change, on any replica: a cheap "has anything changed?". */
    long version();

    Availability availability();

    /** When each provider or model last changed availability; absent for those never changed. */
    Map<Target, Instant> availabilitySince();

    void setAvailability(Target target, boolean available, Instant at, Actor by, Optional<String> reason,
                         Optional<IncidentId> incident);

    Map<TaskClassId, RouteOverride> overrides();

    void setOverride(TaskClassId taskClass, RouteOverride override, Instant at, Actor by, Optional<String> reason);

    void releaseOverride(TaskClassId taskClass);

    Map<TaskClassId, ConsentRecord> consents();

    void setConsent(ConsentRecord consent, Instant at, Actor by);

    void clearConsent(TaskClassId taskClass);

    Map<TaskClassId, StoredRoute> routes();

    /**
     * @param before the task class's stored route, as read with {@link #routes()} in this transaction; empty when
     *               it has none yet
     */
    void saveRoute(Route route, Instant since, Optional<Route> before);

    /** A task class's route as stored, with the moment it took this shape. */
    record StoredRoute(Route route, Instant since) {
    }
}
