package dev.detour.incidents.application;

import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.EnumWords;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.ports.RoutingStore;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RoutePlanner;
import dev.detour.incidents.routing.RouteReason;
import dev.detour.incidents.routing.RouteState;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Re-plans every task class's route from what is stored now and records each route that changed: the new route
 * state, an audit record naming the policy or person that caused it, and a timeline entry on the incident.
 */
@Singleton
public class RouteRecalculation {
    /**
     * Causes decided by whoever triggered the re-plan (a person, or the consent-timeout policy answering for
     * nobody); every other route change is the failover policy acting.
     */
    private static final Set<RouteCause> DECIDED_BY_A_PERSON = EnumSet.of(RouteCause.OVERRIDE_PIN,
            RouteCause.OVERRIDE_STOP, RouteCause.CONSENT_APPROVED, RouteCause.CONSENT_DENIED,
            RouteCause.CONSENT_TIMEOUT_APPROVED, RouteCause.CONSENT_TIMEOUT_DENIED);

    private final RoutingStore store;
    private final RoutePlanner planner;
    private final AuditTrail audit;
    private final IncidentService incidents;
    private final Catalog catalog;
    private final Clock clock;

    public RouteRecalculation(RoutingStore store, AuditTrail audit, IncidentService incidents, Catalog catalog,
                              Clock clock) {
        this.store = store;
        this.planner = new RoutePlanner();
        this.audit = audit;
        this.incidents = incidents;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Call with the routing lock held (inside the change's transaction).
     *
     * @param trigger who or what caused the re-plan
     * @param reason  the trigger's reason, kept on every record
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<DetourEvent.RouteChanged> recalculate(Actor trigger, Optional<RouteReason> reason,
                                                      Optional<IncidentId> incident) {
        Instant now = clock.instant();
        Map<TaskClassId, RoutingStore.StoredRoute> stored = store.routes();
        Map<TaskClassId, Route> planned = planner.planAll(catalog, store.availability(), store.overrides(),
                store.consents());
        List<DetourEvent.RouteChanged> changes = new ArrayList<>();
        for (TaskClass taskClass : catalog.taskClasses()) {
            Route after = planned.get(taskClass.id());
            Optional<Route> before = Optional.ofNullable(stored.get(taskClass.id()))
                    .map(RoutingStore.StoredRoute::route);
            if (before.isPresent() && before.get().equals(after)) {
                continue;
            }
            store.saveRoute(after, now, before);
            Actor actor = DECIDED_BY_A_PERSON.contains(after.cause()) ? trigger
                    : Actor.policy("failover:" + taskClass.failover().word());
            // A data line, not prose (docs/routing.md): cause=auto-failover trigger=user:U1 reason="529s"
            String why = "cause=" + EnumWords.of(after.cause()) + " trigger=" + trigger
                    + reason.map(given -> " " + given.data()).orElse("");
            audit.append(new AuditRecord(now, actor, AuditAction.ROUTE_CHANGED, AuditSubject.taskClass(taskClass.id()),
                    before.map(RouteAuditValue::write), Optional.of(RouteAuditValue.write(after)), Optional.of(why),
                    incident));
            incident.ifPresent(id -> incidents.note(id, new TimelineEntry(now, actor,
                    new TimelineDetail.RouteChanged(after))));
            if (after.state() == RouteState.PRIMARY && store.consents().containsKey(taskClass.id())) {
                // An answer covers one disruption: the next one asks again.
                store.clearConsent(taskClass.id());
                audit.append(new AuditRecord(now, actor, AuditAction.CONSENT_CLEARED,
                        AuditSubject.taskClass(taskClass.id()),
                        Optional.empty(), Optional.empty(), Optional.of("cause=" + EnumWords.of(after.cause())), incident));
            }
            changes.add(new DetourEvent.RouteChanged(now, actor, before, after, reason, incident));
        }
        return changes;
    }
}
