package dev.detour.incidents.application;

import dev.detour.incidents.routing.RouteReason;
import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.Refusal;
import dev.detour.incidents.incident.TextLimits;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.ports.RoutingStore;
import dev.detour.incidents.routing.ConsentRecord;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.incidents.routing.RouteState;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A person's say over a task class's route: overrides ({@code /detour route}) and consent answers. */
@Singleton
public class RouteService {
    private final RoutingStore store;
    private final RouteRecalculation routes;
    private final IncidentService incidents;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Catalog catalog;
    private final Clock clock;

    public RouteService(RoutingStore store, RouteRecalculation routes, IncidentService incidents, AuditTrail audit,
                        Outbox outbox, Catalog catalog, Clock clock) {
        this.store = store;
        this.routes = routes;
        this.incidents = incidents;
        this.audit = audit;
        this.outbox = outbox;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Sets an override, or releases it when {@code override} is empty (the policy decides again). */
    @Transactional
    public RoutingOutcome override(TaskClassId taskClass, Optional<RouteOverride> override, Actor by,
                                   Optional<String> reason) {
        if (catalog.taskClass(taskClass).isEmpty()) {
            return new RoutingOutcome.Rejected(new Refusal.UnknownTaskClass(taskClass));
        }
        Optional<Refusal> tooLong = TextLimits.refusal(Refusal.Text.REASON, reason.orElse(null), TextLimits.TEXT);
        if (tooLong.isPresent()) {
            return new RoutingOutcome.Rejected(tooLong.get());
        }
        if (override.orElse(null) instanceof RouteOverride.Pin pin && catalog.model(pin.model()).isEmpty()) {
            return new RoutingOutcome.Rejected(new Refusal.UnknownModel(pin.model()));
        }
        store.lock();
        Optional<RouteOverride> before = Optional.ofNullable(store.overrides().get(taskClass));
        if (before.equals(override)) {
            return new RoutingOutcome.Rejected(new Refusal.AlreadyOverridden(taskClass, override));
        }
        Instant now = clock.instant();
        override.ifPresentOrElse(value -> store.setOverride(taskClass, value, now, by, reason),
                () -> store.releaseOverride(taskClass));
        Optional<IncidentId> incident = incidentOf(taskClass);
        audit.append(new AuditRecord(now, by, AuditAction.ROUTE_OVERRIDE, AuditSubject.taskClass(taskClass),
                Optional.of(describe(before)), Optional.of(describe(override)), reason, incident));
        return recalculate(by, reason.map(RouteReason.InWords::new), incident);
    }

    /** Answers the open fallback question of a task class that is {@code awaiting-consent}. */
    @Transactional
    public RoutingOutcome answerConsent(TaskClassId taskClass, ConsentAnswer answer, Actor by) {
        return answer(taskClass, answer, by, false);
    }

    /** Nobody answered the open fallback question in time: {@code policy} gives the task class's on-timeout answer. */
    @Transactional
    public RoutingOutcome consentTimedOut(TaskClassId taskClass, ConsentAnswer onTimeout, Actor policy) {
        return answer(taskClass, onTimeout, policy, true);
    }

    private RoutingOutcome answer(TaskClassId taskClass, ConsentAnswer answer, Actor by, boolean timedOut) {
        if (catalog.taskClass(taskClass).isEmpty()) {
            return new RoutingOutcome.Rejected(new Refusal.UnknownTaskClass(taskClass));
        }
        store.lock();
        Optional<Route> current = Optional.ofNullable(store.routes().get(taskClass))
                .map(RoutingStore.StoredRoute::route);
        if (current.isEmpty() || current.get().state() != RouteState.AWAITING_CONSENT) {
            return new RoutingOutcome.Rejected(new Refusal.NoOpenQuestion(taskClass,
                    current.map(route -> route.state())));
        }
        ConsentRecord consent = new ConsentRecord(taskClass, current.get().offered().orElseThrow(), answer,
                timedOut);
        Instant now = clock.instant();
        store.setConsent(consent, now, by);
        Optional<IncidentId> incident = incidentOf(taskClass);
        audit.append(new AuditRecord(now, by, AuditAction.CONSENT_ANSWERED, AuditSubject.taskClass(taskClass),
                Optional.empty(),
                Optional.of(answer.word() + " " + consent.offered()), Optional.empty(), incident));
        return recalculate(by, Optional.of(new RouteReason.ConsentAnswered(answer, consent.offered())), incident);
    }

    private RoutingOutcome recalculate(Actor by, Optional<RouteReason> reason, Optional<IncidentId> incident) {
        List<DetourEvent.RouteChanged> changes = routes.recalculate(by, reason, incident);
        outbox.enqueue(changes);
        return new RoutingOutcome.Applied(incident.flatMap(incidents::find), List.of(), List.of(), changes);
    }

    /** The open incident about any model of the task class's route, so its decisions land on that timeline. */
    private Optional<IncidentId> incidentOf(TaskClassId taskClass) {
        return catalog.taskClass(taskClass).orElseThrow().route().stream()
                .map(model -> incidents.openIncidentAbout(List.of(Target.model(model))))
                .flatMap(Optional::stream).map(Incident::id).findFirst();
    }

    private static String describe(Optional<RouteOverride> override) {
        return override.map(RouteOverride::describe).orElse("none");
    }
}
