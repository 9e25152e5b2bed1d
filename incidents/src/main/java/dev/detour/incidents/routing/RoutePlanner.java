package dev.detour.incidents.routing;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides each task class's route from availability, its failover mode, consent answers and overrides. Pure:
 * the same inputs always give the same routes. The rules, in order (docs/routing.md explains them for people):
 * <ol>
 *   <li>an override {@code stop} stops the class;</li>
 *   <li>an override pinning a usable model serves it ({@code primary} when it is the route's first model,
 *       else {@code fallback}); pinning an unusable model stops the class: a person chose that model, so Detour
 *       never moves it elsewhere on its own;</li>
 *   <li>no usable model in the route stops the class, whatever its mode;</li>
 *   <li>a usable first model serves as {@code primary}, whatever the mode: going back needs nobody's consent;</li>
 *   <li>otherwise {@code auto} falls back to the first usable model, {@code stop} stops, and {@code consent}
 *       falls back only when an approval covers that model, stops when a denial covers it, and waits for an
 *       answer otherwise. Approving a model also allows any better one; denying it also denies any worse one.</li>
 * </ol>
 */
public final class RoutePlanner {

    public Route plan(TaskClass taskClass, Catalog catalog, Availability availability,
                      Optional<RouteOverride> override, Optional<ConsentRecord> consent) {
        Objects.requireNonNull(taskClass, "taskClass");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(availability, "availability");
        TaskClassId id = taskClass.id();
        if (override.isPresent()) {
            return overridden(taskClass, override.get(), catalog, availability);
        }
        List<ModelId> route = taskClass.route();
        Optional<ModelId> candidate = route.stream().filter(model -> availability.isUsable(model, catalog))
                .findFirst();
        if (candidate.isEmpty()) {
            return Route.paused(id, RouteState.STOPPED, Optional.empty(), RouteCause.NO_MODEL_AVAILABLE);
        }
        ModelId model = candidate.get();
        if (model.equals(taskClass.primary())) {
            return Route.serving(id, RouteState.PRIMARY, model, RouteCause.PRIMARY_AVAILABLE);
        }
        return switch (taskClass.failover()) {
            case AUTO -> Route.serving(id, RouteState.FALLBACK, model, RouteCause.AUTO_FAILOVER);
            case STOP -> Route.paused(id, RouteState.STOPPED, Optional.empty(), RouteCause.STOP_POLICY);
            case CONSENT -> byConsent(taskClass, model, consent);
        };
    }

    /** Every task class of the catalog, in catalog order. */
    public Map<TaskClassId, Route> planAll(Catalog catalog, Availability availability,
                                           Map<TaskClassId, RouteOverride> overrides,
                                           Map<TaskClassId, ConsentRecord> consents) {
        Map<TaskClassId, Route> routes = new LinkedHashMap<>();
        for (TaskClass taskClass : catalog.taskClasses()) {
            routes.put(taskClass.id(), plan(taskClass, catalog, availability,
                    Optional.ofNullable(overrides.get(taskClass.id())),
                    Optional.ofNullable(consents.get(taskClass.id()))));
        }
        return routes;
    }

    private static Route overridden(TaskClass taskClass, RouteOverride override, Catalog catalog,
                                    Availability availability) {
        if (!(override instanceof RouteOverride.Pin pin)) {
            return Route.paused(taskClass.id(), RouteState.STOPPED, Optional.empty(), RouteCause.OVERRIDE_STOP);
        }
        if (catalog.model(pin.model()).isEmpty() || !availability.isUsable(pin.model(), catalog)) {
            return Route.paused(taskClass.id(), RouteState.STOPPED, Optional.empty(),
                    RouteCause.PINNED_MODEL_UNAVAILABLE);
        }
        RouteState state = pin.model().equals(taskClass.primary()) ? RouteState.PRIMARY : RouteState.FALLBACK;
        return Route.serving(taskClass.id(), state, pin.model(), RouteCause.OVERRIDE_PIN);
    }

    private static Route byConsent(TaskClass taskClass, ModelId candidate, Optional<ConsentRecord> consent) {
        List<ModelId> route = taskClass.route();
        int position = route.indexOf(candidate);
        Optional<ConsentRecord> answer = consent
                .filter(record -> record.taskClass().equals(taskClass.id()))
                .filter(record -> route.contains(record.offered()));
        if (answer.isPresent()) {
            int answered = route.indexOf(answer.get().offered());
            if (answer.get().answer() == ConsentAnswer.APPROVE && position <= answered) {
                return Route.serving(taskClass.id(), RouteState.FALLBACK, candidate,
                        answer.get().timedOut() ? RouteCause.CONSENT_TIMEOUT_APPROVED : RouteCause.CONSENT_APPROVED);
            }
            if (answer.get().answer() == ConsentAnswer.DENY && position >= answered) {
                return Route.paused(taskClass.id(), RouteState.STOPPED, Optional.of(candidate),
                        answer.get().timedOut() ? RouteCause.CONSENT_TIMEOUT_DENIED : RouteCause.CONSENT_DENIED);
            }
        }
        return Route.paused(taskClass.id(), RouteState.AWAITING_CONSENT, Optional.of(candidate),
                RouteCause.CONSENT_PENDING);
    }
}
