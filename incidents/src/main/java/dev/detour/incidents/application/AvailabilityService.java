package dev.detour.incidents.application;

import dev.detour.incidents.routing.RouteReason;
import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.Refusal;
import dev.detour.incidents.incident.TextLimits;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.ports.RoutingStore;
import dev.detour.incidents.routing.Availability;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Switches providers and models off and on. One call is one transaction: the availability rows, their audit
 * records, the incident's timeline, every route that changes as a result, and the outbox rows for all of it.
 */
@Singleton
public class AvailabilityService {
    private final RoutingStore store;
    private final RouteRecalculation routes;
    private final IncidentService incidents;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Catalog catalog;
    private final Clock clock;

    public AvailabilityService(RoutingStore store, RouteRecalculation routes, IncidentService incidents,
                               AuditTrail audit, Outbox outbox, Catalog catalog, Clock clock) {
        this.store = store;
        this.routes = routes;
        this.incidents = incidents;
        this.audit = audit;
        this.outbox = outbox;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Marks targets unavailable within the open incident about their provider, widening it to targets it does not
     * cover yet; opens an {@code outage} incident when there is none. The reason is the switch-off's (its timeline
     * entry and audit record), not the incident's title: messages name the incident from what fails until on-call
     * gives it a title.
     */
    @Transactional
    public RoutingOutcome disable(Collection<Target> targets, Actor by, Optional<String> reason) {
        return disable(targets, by, reason, IncidentKind.OUTAGE);
    }

    /**
     * As {@link #disable(Collection, Actor, Optional)}, opening an incident of {@code kind} when there is none: a
     * {@code maintenance} incident for planned work switched off by pre-route (docs/maintenance.md).
     */
    @Transactional
    public RoutingOutcome disable(Collection<Target> targets, Actor by, Optional<String> reason, IncidentKind kind) {
        return disable(targets, by, reason, kind, reason.map(RouteReason.InWords::new));
    }

    /** As above, with the typed reason the routes it moves keep (e.g. {@link RouteReason.PlannedMaintenance}). */
    @Transactional
    public RoutingOutcome disable(Collection<Target> targets, Actor by, Optional<String> reason, IncidentKind kind,
                                  Optional<RouteReason> why) {
        Optional<RoutingOutcome> refused = refuse(targets, reason);
        if (refused.isPresent()) {
            return refused.get(); // before an incident is opened for nothing
        }
        IncidentChange change = incidents.openOrJoin(kind, "", targets, by);
        if (change instanceof IncidentChange.Rejected rejected) {
            return new RoutingOutcome.Rejected(rejected.refusal());
        }
        return set(targets, false, by, reason, Optional.of(((IncidentChange.Applied) change).incident().id()), why);
    }

    /** Marks targets available again, noting it on the open incident that covers them, if any. */
    @Transactional
    public RoutingOutcome enable(Collection<Target> targets, Actor by, Optional<String> reason) {
        return set(targets, true, by, reason, incidents.openIncidentAbout(targets).map(Incident::id));
    }

    /** Sets availability as given, within {@code incident} when there is one. */
    @Transactional
    public RoutingOutcome set(Collection<Target> targets, boolean available, Actor by, Optional<String> reason,
                              Optional<IncidentId> incident) {
        return set(targets, available, by, reason, incident, reason.map(RouteReason.InWords::new));
    }

    /** As above; {@code why} is the reason the routes that move keep. */
    private RoutingOutcome set(Collection<Target> targets, boolean available, Actor by, Optional<String> reason,
                               Optional<IncidentId> incident, Optional<RouteReason> why) {
        Optional<RoutingOutcome> refused = refuse(targets, reason);
        if (refused.isPresent()) {
            return refused.get();
        }
        store.lock();
        Instant now = clock.instant();
        Availability current = store.availability();
        List<Target> changed = new ArrayList<>();
        List<Target> unchanged = new ArrayList<>();
        List<DetourEvent> events = new ArrayList<>();
        for (Target target : targets.stream().distinct().sorted().toList()) {
            if (isAvailable(current, target) == available) {
                unchanged.add(target);
                continue;
            }
            changed.add(target);
            store.setAvailability(target, available, now, by, reason, incident);
            audit.append(new AuditRecord(now, by, AuditAction.AVAILABILITY_CHANGED, AuditSubject.target(target),
                    Optional.of(word(!available)), Optional.of(word(available)), reason, incident));
            incident.ifPresent(id -> incidents.note(id, new TimelineEntry(now, by,
                    new TimelineDetail.AvailabilityChanged(target, available, reason))));
            events.add(new DetourEvent.AvailabilityChanged(now, by, target, available, reason, incident));
        }
        List<DetourEvent.RouteChanged> routeChanges = changed.isEmpty() ? List.of()
                : routes.recalculate(by, why, incident);
        events.addAll(routeChanges);
        outbox.enqueue(events);
        return new RoutingOutcome.Applied(incident.flatMap(incidents::find), changed, unchanged, routeChanges);
    }

    private Optional<RoutingOutcome> refuse(Collection<Target> targets, Optional<String> reason) {
        Optional<Refusal> tooLong = TextLimits.refusal(Refusal.Text.REASON, reason.orElse(null), TextLimits.TEXT);
        if (tooLong.isPresent()) {
            return Optional.of(new RoutingOutcome.Rejected(tooLong.get()));
        }
        if (targets.isEmpty()) {
            return Optional.of(new RoutingOutcome.Rejected(new Refusal.NothingNamed()));
        }
        List<Target> unknown = targets.stream().filter(target -> !known(target)).toList();
        return unknown.isEmpty() ? Optional.empty()
                : Optional.of(new RoutingOutcome.Rejected(new Refusal.UnknownTargets(unknown)));
    }

    private boolean known(Target target) {
        return target.fold(id -> catalog.provider(id).isPresent(), id -> catalog.model(id).isPresent());
    }

    private static boolean isAvailable(Availability availability, Target target) {
        return target.fold(availability::isAvailable, availability::isAvailable);
    }

    private static String word(boolean available) {
        return available ? "available" : "unavailable";
    }
}
