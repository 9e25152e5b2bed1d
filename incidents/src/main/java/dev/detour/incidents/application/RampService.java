package dev.detour.incidents.application;

import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.RecoveryPolicy;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.ports.RampStore;
import dev.detour.incidents.ports.RoutingStore;
import dev.detour.incidents.recovery.Ramp;
import dev.detour.incidents.recovery.RampChange;
import dev.detour.incidents.recovery.RampCommand;
import dev.detour.incidents.recovery.RampMove;
import dev.detour.incidents.recovery.RampRefusal;
import dev.detour.incidents.recovery.RampState;
import dev.detour.incidents.recovery.RampThresholds;
import dev.detour.incidents.routing.Availability;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Staged recovery (docs/recovery.md): enabling a target whose recovery is staged starts a ramp instead of switching
 * it on; the ramp job ticks each ramp on its evidence; people pause, resume, abort, complete or retry it. A
 * ramping target stays off in availability (and so everywhere but the flags that split on its share); completion
 * switches it on through {@link AvailabilityService#set}. One call is one transaction: the ramp row, its audit
 * record and its outbox rows.
 */
@Singleton
public class RampService {
    /** Who takes a step nobody asked for: the recovery policy. */
    public static final Actor POLICY = Actor.policy("recovery");

    private final RampStore ramps;
    private final RoutingStore store;
    private final AvailabilityService availability;
    private final IncidentService incidents;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Catalog catalog;
    private final RampThresholds limits;
    private final RampEvidenceSource evidence;
    private final Clock clock;

    public RampService(RampStore ramps, RoutingStore store, AvailabilityService availability,
                       IncidentService incidents, AuditTrail audit, Outbox outbox,
                       Catalog catalog, DetourConfig config, RampEvidenceSource evidence, Clock clock) {
        this.ramps = ramps;
        this.store = store;
        this.availability = availability;
        this.incidents = incidents;
        this.audit = audit;
        this.outbox = outbox;
        this.catalog = catalog;
        this.limits = RampThresholds.of(config.detection());
        this.evidence = evidence;
        this.clock = clock;
    }

    /**
     * Enables targets as their recovery says: a staged target that is off starts a ramp (one already ramping is
     * left as it is); every other target, and every target with {@code atOnce}, is switched on at once. A staged
     * target switched on at once is audited as such ({@code ramp.skipped}); a running ramp it had is completed.
     */
    @Transactional
    public RoutingOutcome enable(Collection<Target> targets, Actor by, Optional<String> reason, boolean atOnce) {
        List<Target> known = targets.stream().filter(this::known).toList();
        if (known.size() != targets.size() || targets.isEmpty()) {
            return availability.enable(targets, by, reason); // refuses them with its own words
        }
        store.lock();
        Instant now = clock.instant();
        Availability current = store.availability();
        List<Target> staged = new ArrayList<>();
        List<Target> ramping = new ArrayList<>();
        List<Target> rest = new ArrayList<>();
        for (Target target : targets.stream().distinct().sorted().toList()) {
            RecoveryPolicy policy = catalog.recoveryOf(target);
            Optional<Ramp> active = ramps.find(target).filter(ramp -> ramp.state().active());
            boolean off = !target.fold(current::isAvailable, current::isAvailable);
            if (active.isPresent() && !atOnce) {
                ramping.add(target);
            } else if (policy.staged() && off && !atOnce) {
                staged.add(target);
            } else {
                rest.add(target);
                if (policy.staged() && off) {
                    audit.append(new AuditRecord(now, by, SKIPPED, AuditSubject.target(target), Optional.empty(),
                            Optional.of("at-once"), reason, incidentAbout(target)));
                }
                active.ifPresent(ramp -> apply(ramp.complete(now), by, reason, false));
            }
        }
        List<Target> unchanged = new ArrayList<>(ramping);
        List<Target> changed = new ArrayList<>();
        List<DetourEvent.RouteChanged> routes = new ArrayList<>();
        Optional<Incident> incident = Optional.empty();
        if (!rest.isEmpty()) {
            RoutingOutcome outcome = availability.enable(rest, by, reason);
            if (outcome instanceof RoutingOutcome.Applied applied) {
                changed.addAll(applied.changed());
                unchanged.addAll(applied.unchanged());
                routes.addAll(applied.routes());
                incident = applied.incident();
            } else {
                return outcome;
            }
        }
        for (Target target : staged) {
            // What fires as it begins is known to the ramp; a source that starts firing later rolls it back.
            apply(Ramp.start(target, catalog.recoveryOf(target), now, evidence.sample(target).firing()), by, reason,
                    false);
        }
        if (incident.isEmpty()) {
            incident = incidents.openIncidentAbout(targets);
        }
        return new RoutingOutcome.Applied(incident, changed, unchanged, routes, staged);
    }

    /** {@code /detour ramp <target> <command>} or a ramp button; a target without an active ramp is refused. */
    @Transactional
    public RampChange command(Target target, RampCommand command, Actor by, Optional<String> reason) {
        if (!known(target)) {
            return new RampChange.Refused(new RampRefusal.NoRamp(target));
        }
        if (command.changes()) {
            store.lock();
        }
        Optional<Ramp> ramp = ramps.find(target);
        if (ramp.isEmpty()) {
            return new RampChange.Refused(new RampRefusal.NoRamp(target));
        }
        if (!ramp.get().state().active() && command.changes()) {
            // A ramp that ended (a stale button on the root, or a late command): what it is now (docs/recovery.md).
            return new RampChange.Refused(new RampRefusal.NotNow(target, ramp.get().state(), command.word()));
        }
        if (command == RampCommand.KEEP_OFF && ramp.get().state() != RampState.ROLLED_BACK) {
            return new RampChange.Refused(new RampRefusal.NotNow(target, ramp.get().state(), command.word()));
        }
        return apply(command.applyTo(ramp.get(), clock.instant()), by, reason, true);
    }

    /** The targets whose ramps the ramp job ticks. */
    @Transactional(readOnly = true)
    public List<Target> activeTargets() {
        return ramps.active().stream().map(Ramp::target).toList();
    }

    /** The ramp job's check of one ramp, in a transaction of its own: moves are locked and told, evidence kept. */
    @Transactional
    public RampChange tick(Target target) {
        Optional<Ramp> found = ramps.find(target).filter(ramp -> ramp.state().active());
        if (found.isEmpty()) {
            return new RampChange.Refused(new RampRefusal.NoRamp(target));
        }
        RampChange change = found.get().tick(clock.instant(), evidence.sample(target), limits);
        if (change instanceof RampChange.Unchanged unchanged) {
            if (!unchanged.ramp().evidence().equals(found.get().evidence())) {
                ramps.saveEvidence(unchanged.ramp());
            }
            return change;
        }
        store.lock(); // then decide again on the ramp as it is under the lock: a command may have moved it
        Ramp locked = ramps.find(target).orElseThrow();
        return apply(locked.tick(clock.instant(), evidence.sample(target), limits), POLICY, Optional.empty(), false);
    }

    /**
     * A source says targets fail again (docs/recovery.md): their running or paused ramps roll back at once, in the
     * caller's transaction (the signal's).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void signalled(Collection<Target> targets, String source) {
        List<Ramp> affected = ramps.active().stream().filter(ramp -> targets.stream()
                .anyMatch(target -> covers(target, ramp.target()))).toList();
        if (affected.isEmpty()) {
            return;
        }
        store.lock();
        for (Ramp ramp : affected) {
            apply(ramps.find(ramp.target()).orElseThrow().signalled(clock.instant(), source), Actor.signal(source),
                    Optional.empty(), false);
        }
    }

    /** Whether {@code target} has a ramp that still holds it (so it is not offered Enable again). */
    @Transactional(readOnly = true)
    public boolean ramping(Target target) {
        return ramps.find(target).filter(ramp -> ramp.state().active()).isPresent();
    }

    private boolean covers(Target signalled, Target ramping) {
        return signalled.equals(ramping) || ramping.fold(provider -> false,
                model -> signalled.equals(Target.provider(catalog.providerOf(model))))
                || signalled.fold(provider -> false,
                model -> ramping.equals(Target.provider(catalog.providerOf(model))));
    }

    /** Stores a move, audits it, tells it, and switches the target on when the ramp completed. */
    private RampChange apply(RampChange change, Actor by, Optional<String> reason, boolean command) {
        if (!(change instanceof RampChange.Moved moved)) {
            return change;
        }
        Ramp ramp = moved.ramp();
        Instant now = clock.instant();
        Optional<IncidentId> incident = incidentAbout(ramp.target());
        ramps.save(ramp);
        audit.append(new AuditRecord(now, by, new AuditAction("ramp." + moved.move().word()),
                AuditSubject.target(ramp.target()), Optional.empty(), Optional.of(ramp.percent() + "%"), reason,
                incident));
        Optional<Integer> next = ramp.state().active() && ramp.step() < ramp.steps().size()
                ? Optional.of(ramp.steps().get(ramp.step())) : Optional.empty();
        outbox.enqueue(List.of(new DetourEvent.RampMoved(now, by, ramp.target(), name(ramp.target()), moved.move(),
                ramp.share(), next, reason, incident)));
        if (moved.move() instanceof RampMove.Completed) {
            availability.set(List.of(ramp.target()), true, by, reason, incident);
        }
        return change;
    }

    private Optional<IncidentId> incidentAbout(Target target) {
        return incidents.openIncidentAbout(List.of(target)).map(Incident::id);
    }

    private String name(Target target) {
        return target.fold(provider -> catalog.provider(provider).orElseThrow().name(),
                model -> catalog.model(model).orElseThrow().name());
    }

    private boolean known(Target target) {
        return target.fold(id -> catalog.provider(id).isPresent(), id -> catalog.model(id).isPresent());
    }

    private static final AuditAction SKIPPED = new AuditAction("ramp.skipped");
}
