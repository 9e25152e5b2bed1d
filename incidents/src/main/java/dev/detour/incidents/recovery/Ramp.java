package dev.detour.incidents.recovery;

import dev.detour.incidents.catalog.RecoveryPolicy;
import dev.detour.incidents.catalog.Target;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A target coming back to a growing share of traffic (docs/recovery.md), as a pure state machine: every change is a
 * method that returns a {@link RampChange}; time comes in as an argument, so a ramp read back from the database
 * after a restart or on another replica carries on where it stood.
 *
 * @param steps      the shares of each step, in percent, ending at 100
 * @param step       the current step, counted from 1
 * @param startedAt  when the ramp began (or was last retried)
 * @param stepSince  when the current share began (for a rolled-back ramp: when it went back to 0%)
 * @param holdSince  when the current hold began: the step's start, or its last {@link RampMove.Held}
 * @param evidence   what the current hold has seen so far
 * @param rollbacks  how often the ramp went back to 0%
 * @param knownFiring the sources (as {@link RampSample#firing} names them) the ramp already knows to call its target
 *                   failing: those firing when it began, and those it rolled back for (a retry is on-call's choice
 *                   with them firing). Any other source firing during a step rolls the ramp back, traffic or not.
 * @param lastHold   what the last hold that ended saw: the one that advanced the ramp to its step (with no requests
 *                   and nothing firing: it advanced without traffic evidence), held it again or completed it; empty
 *                   before the first hold of a ramp (or of its retry) ends. The root message's line shows it; a
 *                   rollback keeps it (its own numbers are in {@link RampMove.RolledBack}).
 */
public record Ramp(Target target, List<Integer> steps, Duration hold, int minRequests, RampState state, int step,
                   Instant startedAt, Instant stepSince, Instant holdSince, HoldEvidence evidence, int rollbacks,
                   Set<String> knownFiring, Optional<HoldEvidence> lastHold) {
    public Ramp {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(lastHold, "lastHold");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(stepSince, "stepSince");
        Objects.requireNonNull(holdSince, "holdSince");
        Objects.requireNonNull(evidence, "evidence");
        steps = List.copyOf(steps);
        knownFiring = Collections.unmodifiableSortedSet(new TreeSet<>(knownFiring));
        RecoveryPolicy.problem(steps, hold, minRequests).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (step < 1 || step > steps.size()) {
            throw new IllegalArgumentException("step " + step + " of " + steps.size());
        }
    }

    /** A ramp that knows no firing source and whose first hold has not ended yet. */
    public Ramp(Target target, List<Integer> steps, Duration hold, int minRequests, RampState state, int step,
                Instant startedAt, Instant stepSince, Instant holdSince, HoldEvidence evidence, int rollbacks) {
        this(target, steps, hold, minRequests, state, step, startedAt, stepSince, holdSince, evidence, rollbacks,
                Set.of(), Optional.empty());
    }

    /** Enabling a staged target with nothing firing about it: its first step, from now. */
    public static RampChange.Moved start(Target target, RecoveryPolicy policy, Instant now) {
        return start(target, policy, now, List.of());
    }

    /**
     * Enabling a staged target: its first step, from now.
     *
     * @param firingNow the sources that call the target failing as it begins (they hold a step without traffic,
     *                  but only a source that starts firing later rolls the ramp back)
     */
    public static RampChange.Moved start(Target target, RecoveryPolicy policy, Instant now,
                                         Collection<String> firingNow) {
        Ramp ramp = new Ramp(target, policy.steps(), policy.hold(), policy.minRequests(), RampState.RUNNING, 1, now,
                now, now, HoldEvidence.NONE, 0, new TreeSet<>(firingNow), Optional.empty());
        return new RampChange.Moved(ramp, new RampMove.Started(ramp.percent()));
    }

    /** The share of traffic the target has now: the step's while running or paused, 0 after a rollback or abort. */
    public int percent() {
        return switch (state) {
            case RUNNING, PAUSED -> steps.get(step - 1);
            case COMPLETED -> 100;
            case ROLLED_BACK, ABORTED -> 0;
        };
    }

    /** When the next step is due if the evidence holds; empty unless running. */
    public Optional<Instant> nextStepAt() {
        return state == RampState.RUNNING ? Optional.of(holdSince.plus(hold)) : Optional.empty();
    }

    /** What flags and status readers see while the ramp holds its target; empty once it ended. */
    public Optional<RampShare> share() {
        return state.active() ? Optional.of(new RampShare(target, percent(), step, stepSince, nextStepAt(), lastHold))
                : Optional.empty();
    }

    /**
     * The regular check with what is known now. Running or paused: a window over the limits, or a source that
     * starts calling the target failing (the status page, an Alertmanager alert; one the ramp does not know of
     * yet), rolls back at once, whatever the traffic. Running and the hold over: advance on enough healthy traffic, or without traffic when no source called the
     * target failing during the hold; otherwise hold the step again.
     */
    public RampChange tick(Instant now, RampSample sample, RampThresholds limits) {
        if (state != RampState.RUNNING && state != RampState.PAUSED) {
            return new RampChange.Unchanged(this);
        }
        HoldEvidence seen = evidence.with(sample, minRequests);
        Optional<RampMove.RollbackCause> failing = failing(sample, limits);
        if (failing.isPresent()) {
            Ramp rolledBack = with(RampState.ROLLED_BACK, step, now, now, seen, rollbacks + 1);
            return new RampChange.Moved(rolledBack, new RampMove.RolledBack(percent(), seen, failing.get(),
                    Optional.empty()));
        }
        Optional<String> newlyFiring = sample.firing().stream().filter(source -> !knownFiring.contains(source))
                .findFirst();
        if (newlyFiring.isPresent()) {
            Ramp rolledBack = new Ramp(target, steps, hold, minRequests, RampState.ROLLED_BACK, step, startedAt, now,
                    now, seen, rollbacks + 1, knowing(sample.firing()), lastHold);
            return new RampChange.Moved(rolledBack, new RampMove.RolledBack(percent(), seen,
                    RampMove.RollbackCause.FIRING, newlyFiring));
        }
        if (state == RampState.PAUSED || now.isBefore(holdSince.plus(hold))) {
            return new RampChange.Unchanged(with(state, step, stepSince, holdSince, seen, rollbacks));
        }
        boolean healthy = seen.peakRequests() >= minRequests && seen.worstErrorRate() < limits.closeErrorRate()
                && !seen.p95Exceeded();
        boolean withoutTraffic = seen.peakRequests() == 0 && !seen.firingSeen();
        if (!healthy && !withoutTraffic) {
            return new RampChange.Moved(with(state, step, stepSince, now, HoldEvidence.NONE, rollbacks).ended(seen),
                    new RampMove.Held(percent(), seen, minRequests, holdSince.equals(stepSince)));
        }
        if (step >= steps.size() - 1) {
            Ramp done = with(RampState.COMPLETED, steps.size(), now, now, seen, rollbacks).ended(seen);
            return new RampChange.Moved(done, new RampMove.Completed(percent(), false, seen, withoutTraffic));
        }
        Ramp next = with(RampState.RUNNING, step + 1, now, now, HoldEvidence.NONE, rollbacks).ended(seen);
        return new RampChange.Moved(next, new RampMove.Advanced(percent(), next.percent(), seen, withoutTraffic));
    }

    /**
     * A source (the gateway, the status page, Alertmanager) says the target fails again: a running or paused ramp
     * rolls back at once.
     */
    public RampChange signalled(Instant now, String source) {
        if (state != RampState.RUNNING && state != RampState.PAUSED) {
            return new RampChange.Unchanged(this);
        }
        Ramp rolledBack = new Ramp(target, steps, hold, minRequests, RampState.ROLLED_BACK, step, startedAt, now, now,
                evidence, rollbacks + 1, knowing(List.of(source)), lastHold);
        return new RampChange.Moved(rolledBack, new RampMove.RolledBack(percent(), evidence,
                RampMove.RollbackCause.FIRING, Optional.of(source)));
    }

    /** {@code ramp <target> pause}: keep the current share; no step is taken until resumed. */
    public RampChange pause(Instant now) {
        if (state != RampState.RUNNING) {
            return notNow("pause");
        }
        return new RampChange.Moved(with(RampState.PAUSED, step, stepSince, holdSince, evidence, rollbacks),
                new RampMove.Paused(percent()));
    }

    /** {@code ramp <target> resume}: the step's hold starts again from now. */
    public RampChange resume(Instant now) {
        if (state != RampState.PAUSED) {
            return notNow("resume");
        }
        return new RampChange.Moved(with(RampState.RUNNING, step, stepSince, now, HoldEvidence.NONE, rollbacks),
                new RampMove.Resumed(percent()));
    }

    /** {@code ramp <target> complete}: to 100% now, whatever the evidence (the person answers for it). */
    public RampChange complete(Instant now) {
        if (!state.active()) {
            return notNow("complete");
        }
        Ramp done = with(RampState.COMPLETED, steps.size(), now, now, evidence, rollbacks);
        return new RampChange.Moved(done, new RampMove.Completed(percent(), true, evidence, false));
    }

    /** {@code ramp <target> abort}, or Keep off after a rollback: the target stays off. */
    public RampChange abort(Instant now) {
        if (!state.active()) {
            return notNow("abort");
        }
        Ramp aborted = with(RampState.ABORTED, step, now, now, evidence, rollbacks);
        return new RampChange.Moved(aborted, new RampMove.Aborted(percent(), state == RampState.ROLLED_BACK));
    }

    /** Retry ramp after a rollback: the first step again, from now. */
    public RampChange retry(Instant now) {
        if (state != RampState.ROLLED_BACK) {
            return notNow("retry");
        }
        Ramp again = new Ramp(target, steps, hold, minRequests, RampState.RUNNING, 1, now, now, now,
                HoldEvidence.NONE, rollbacks, knownFiring, Optional.empty());
        return new RampChange.Moved(again, new RampMove.Retried(again.percent()));
    }

    /** The sources known to fire, with {@code more}: a source the ramp rolled back for is not news again. */
    private Set<String> knowing(Collection<String> more) {
        Set<String> known = new TreeSet<>(knownFiring);
        known.addAll(more);
        return known;
    }

    private RampChange notNow(String command) {
        return new RampChange.Refused(new RampRefusal.NotNow(target, state, command));
    }

    private static Optional<RampMove.RollbackCause> failing(RampSample sample, RampThresholds limits) {
        if (sample.requests() < limits.windowMinRequests()) {
            return Optional.empty();
        }
        if (sample.errorRate() >= limits.openErrorRate()) {
            return Optional.of(RampMove.RollbackCause.ERROR_RATE);
        }
        return sample.p95OverLimit() ? Optional.of(RampMove.RollbackCause.LATENCY) : Optional.empty();
    }

    private Ramp with(RampState newState, int newStep, Instant newStepSince, Instant newHoldSince,
                      HoldEvidence newEvidence, int newRollbacks) {
        return new Ramp(target, steps, hold, minRequests, newState, newStep, startedAt, newStepSince, newHoldSince,
                newEvidence, newRollbacks, knownFiring, lastHold);
    }

    /** The same ramp, with {@code seen} as the evidence of the hold that just ended. */
    private Ramp ended(HoldEvidence seen) {
        return new Ramp(target, steps, hold, minRequests, state, step, startedAt, stepSince, holdSince, evidence,
                rollbacks, knownFiring, Optional.of(seen));
    }
}
