package dev.detour.incidents.event;

import dev.detour.incidents.approval.Approval;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.recovery.RampMove;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteReason;
import dev.detour.incidents.signals.Signal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a committed change means to the world outside: the facts that messages and flag pushes are made from.
 * Each event is turned into outbox rows in the same transaction as the change (see {@code OutboxRule}).
 */
public sealed interface DetourEvent
        permits DetourEvent.IncidentChanged, DetourEvent.AvailabilityChanged, DetourEvent.RouteChanged,
        DetourEvent.SignalReceived, DetourEvent.ApprovalChanged, DetourEvent.RampMoved,
        DetourEvent.PolicyPreviewed {

    /** Given at creation, never derived from what the event says: two events alike in every field are two events. */
    EventId id();

    Instant at();

    Actor actor();

    Optional<IncidentId> incident();

    /** An incident was opened, reopened, or changed; {@code entries} says what happened to it. */
    record IncidentChanged(EventId id, Instant at, Actor actor, Incident current, List<TimelineEntry> entries)
            implements DetourEvent {
        public IncidentChanged {
            entries = List.copyOf(entries);
        }

        public IncidentChanged(Instant at, Actor actor, Incident current, List<TimelineEntry> entries) {
            this(EventId.random(), at, actor, current, entries);
        }

        @Override
        public Optional<IncidentId> incident() {
            return Optional.of(current.id());
        }
    }

    /** A provider or model became available or unavailable. */
    record AvailabilityChanged(EventId id, Instant at, Actor actor, Target target, boolean available,
                               Optional<String> reason, Optional<IncidentId> incident) implements DetourEvent {
        public AvailabilityChanged(Instant at, Actor actor, Target target, boolean available, Optional<String> reason,
                                   Optional<IncidentId> incident) {
            this(EventId.random(), at, actor, target, available, reason, incident);
        }
    }

    /**
     * A health source changed its mind about providers or models.
     *
     * @param suggestion what Detour asks on-call to do about it, when policy leaves it to a person
     */
    record SignalReceived(EventId id, Instant at, Actor actor, Signal signal, Optional<IncidentId> incident,
                          Suggestion suggestion) implements DetourEvent {
        public SignalReceived(Instant at, Actor actor, Signal signal, Optional<IncidentId> incident,
                              Suggestion suggestion) {
            this(EventId.random(), at, actor, signal, incident, suggestion);
        }

        public enum Suggestion {
            NONE, DISABLE, ENABLE
        }
    }

    /** A task class moved to another route state or serving model; {@code before} is empty the first time. */
    record RouteChanged(EventId id, Instant at, Actor actor, Optional<Route> before, Route after,
                        Optional<RouteReason> reason, Optional<IncidentId> incident) implements DetourEvent {
        public RouteChanged(Instant at, Actor actor, Optional<Route> before, Route after,
                            Optional<RouteReason> reason, Optional<IncidentId> incident) {
            this(EventId.random(), at, actor, before, after, reason, incident);
        }
    }

    /**
     * A request for approval or an emergency apply was made ({@code preview} present: post it in the thread) or
     * settled (approved, expired, replaced, reviewed: edit its message).
     */
    record ApprovalChanged(EventId id, Instant at, Actor actor, Approval approval, Optional<Preview> preview)
            implements DetourEvent {
        public ApprovalChanged(Instant at, Actor actor, Approval approval, Optional<Preview> preview) {
            this(EventId.random(), at, actor, approval, preview);
        }

        @Override
        public Optional<IncidentId> incident() {
            return Optional.of(approval.incident());
        }
    }

    /**
     * A staged recovery moved (docs/recovery.md): started, advanced, held, rolled back, paused, resumed, retried,
     * completed or aborted.
     *
     * @param share    the target's share of traffic after the move; empty once the ramp ended
     * @param name     the target's name as people read it
     * @param nextStep the share the next step would give, when one follows
     */
    record RampMoved(EventId id, Instant at, Actor actor, Target target, String name, RampMove move,
                     Optional<RampShare> share, Optional<Integer> nextStep, Optional<String> reason,
                     Optional<IncidentId> incident) implements DetourEvent {
        public RampMoved(Instant at, Actor actor, Target target, String name, RampMove move,
                         Optional<RampShare> share, Optional<Integer> nextStep, Optional<String> reason,
                         Optional<IncidentId> incident) {
            this(EventId.random(), at, actor, target, name, move, share, nextStep, reason, incident);
        }
    }

    /**
     * The preview of a switch-off a policy made by itself (a signal's {@code auto-disable}), computed just before it
     * was made: the change's decision reply tells the thread what it did (docs/routing.md, "Two-person rule").
     */
    record PolicyPreviewed(EventId id, Instant at, Actor actor, Preview preview, Optional<IncidentId> incident)
            implements DetourEvent {
        public PolicyPreviewed(Instant at, Actor actor, Preview preview, Optional<IncidentId> incident) {
            this(EventId.random(), at, actor, preview, incident);
        }
    }
}
