package dev.detour.incidents.approval;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole-provider switch-off that a person asked for and a second on-call member must approve
 * ({@link Kind#REQUEST}), or one applied at once on someone's own responsibility that a second on-call member is
 * asked to review ({@link Kind#EMERGENCY}). Decisions about it are values ({@link ApprovalDecision}), never thrown.
 *
 * @param id          given by storage; 0 before it is stored
 * @param targets     the switch-off asked for (or made)
 * @param requestedBy who asked (or who applied at once)
 * @param version     the version of the state the change was previewed at
 * @param expiresAt   when a request nobody approved expires; for an emergency apply, its time
 * @param settledBy   who settled it (approved, reviewed, applied at once) or the policy that expired it
 */
public record Approval(long id, Kind kind, IncidentId incident, List<Target> targets, Optional<String> reason,
                       Actor requestedBy, Instant requestedAt, String version, Instant expiresAt, State state,
                       Optional<Actor> settledBy, Optional<Instant> settledAt) {

    public enum Kind {
        /** Waits for a different on-call member to approve it. */
        REQUEST,
        /** Applied at once; a different on-call member is asked to review it. */
        EMERGENCY
    }

    public enum State {
        /** A request nobody decided yet; an emergency apply nobody reviewed yet. */
        OPEN,
        /** A second on-call member approved: the change was applied as previewed. */
        APPROVED,
        /** Nobody approved in time: nothing changed. */
        EXPIRED,
        /** The state moved before anyone approved: a new request with a new preview replaced it. */
        MOVED,
        /** Someone applied the request at once instead (an emergency apply, reviewed separately). */
        APPLIED_NOW,
        /** A second on-call member reviewed the emergency apply. */
        REVIEWED
    }

    public Approval {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(incident, "incident");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("an approval is about at least one target");
        }
        reason = reason == null ? Optional.empty() : reason;
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(state, "state");
        settledBy = settledBy == null ? Optional.empty() : settledBy;
        settledAt = settledAt == null ? Optional.empty() : settledAt;
    }

    /** A new request, open until {@code requestedAt + timeout}. */
    public static Approval request(IncidentId incident, List<Target> targets, Optional<String> reason, Actor by,
                                   Instant at, String version, Duration timeout) {
        return new Approval(0, Kind.REQUEST, incident, targets, reason, by, at, version, at.plus(timeout), State.OPEN,
                Optional.empty(), Optional.empty());
    }

    /** A switch-off applied at once by {@code by}, open until someone reviews it. */
    public static Approval emergency(IncidentId incident, List<Target> targets, Optional<String> reason, Actor by,
                                     Instant at, String version) {
        return new Approval(0, Kind.EMERGENCY, incident, targets, reason, by, at, version, at, State.OPEN,
                Optional.empty(), Optional.empty());
    }

    public Approval withId(long newId) {
        return new Approval(newId, kind, incident, targets, reason, requestedBy, requestedAt, version, expiresAt,
                state, settledBy, settledAt);
    }

    public Approval settled(State to, Actor by, Instant at) {
        return new Approval(id, kind, incident, targets, reason, requestedBy, requestedAt, version, expiresAt, to,
                Optional.of(by), Optional.of(at));
    }

    public boolean open() {
        return state == State.OPEN;
    }

    /** Whether a request is past its time (an emergency apply never expires). */
    public boolean expired(Instant now) {
        return kind == Kind.REQUEST && !now.isBefore(expiresAt);
    }

    /**
     * Whether {@code by} may approve this request now, with the state at {@code currentVersion}: only while it is
     * open, only an on-call member, never the person who asked, never after it expired, never a stale change.
     */
    public ApprovalDecision approve(Actor by, boolean onCall, Instant now, String currentVersion) {
        if (kind != Kind.REQUEST || !open()) {
            return new ApprovalDecision.Refused(ApprovalDecision.Reason.SETTLED);
        }
        if (!onCall) {
            return new ApprovalDecision.Refused(ApprovalDecision.Reason.NOT_ON_CALL);
        }
        if (by.equals(requestedBy)) {
            return new ApprovalDecision.Refused(ApprovalDecision.Reason.SELF);
        }
        if (expired(now)) {
            return new ApprovalDecision.Refused(ApprovalDecision.Reason.EXPIRED);
        }
        if (!version.equals(currentVersion)) {
            return new ApprovalDecision.Refused(ApprovalDecision.Reason.STATE_MOVED);
        }
        return new ApprovalDecision.Granted();
    }

    /** Whether {@code by} may review this emergency apply: an on-call member who is not the one who applied it. */
    public ApprovalDecision review(Actor by, boolean onCall) {
        if (kind != Kind.EMERGENCY || !open()) {
            return new ApprovalDecision.Refused(ApprovalDecision.Reason.SETTLED);
        }
        if (!onCall) {
            return new ApprovalDecision.Refused(ApprovalDecision.Reason.NOT_ON_CALL);
        }
        if (by.equals(requestedBy)) {
            return new ApprovalDecision.Refused(ApprovalDecision.Reason.SELF);
        }
        return new ApprovalDecision.Granted();
    }

    /** How long it took from the request to its approval (or review); empty while open. */
    public Optional<Duration> took() {
        return settledAt.map(at -> Duration.between(requestedAt, at));
    }
}
