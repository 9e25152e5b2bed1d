package dev.detour.incidents.application;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.Refusal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of a change to availability, overrides or consent. A refusal is a value, not an exception. */
public sealed interface RoutingOutcome permits RoutingOutcome.Applied, RoutingOutcome.Rejected {

    /**
     * @param incident  the incident the change belongs to, when there is one
     * @param changed   providers and models whose availability changed
     * @param unchanged providers and models that already were that way
     * @param routes    task classes whose route changed as a result
     * @param ramping   targets enabled through a ramp that started now (docs/recovery.md): still off, coming back
     */
    record Applied(Optional<Incident> incident, List<Target> changed, List<Target> unchanged,
                   List<DetourEvent.RouteChanged> routes, List<Target> ramping) implements RoutingOutcome {
        public Applied {
            Objects.requireNonNull(incident, "incident");
            changed = List.copyOf(changed);
            unchanged = List.copyOf(unchanged);
            routes = List.copyOf(routes);
            ramping = List.copyOf(ramping);
        }

        /** A change that started no ramp. */
        public Applied(Optional<Incident> incident, List<Target> changed, List<Target> unchanged,
                       List<DetourEvent.RouteChanged> routes) {
            this(incident, changed, unchanged, routes, List.of());
        }
    }

    /** Nothing changed; {@code messages} says why. */
    record Rejected(Refusal refusal) implements RoutingOutcome {
        public Rejected {
            Objects.requireNonNull(refusal, "refusal");
        }
    }
}
