package dev.detour.incidents.recovery;

import dev.detour.incidents.catalog.Target;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A target coming back through a staged recovery (docs/recovery.md): it is available to {@code percent}% of
 * traffic, chosen by targeting key. Flags split on it; every other reader treats the target as still off.
 *
 * @param step       the ramp's current step, counted from 1
 * @param since      when this step began
 * @param nextStepAt when the next step is due if the evidence holds; empty while paused or at the last step
 * @param lastHold   what the last hold that ended saw ({@link Ramp#lastHold}); empty before the first one ends
 */
public record RampShare(Target target, int percent, int step, Instant since, Optional<Instant> nextStepAt,
                        Optional<HoldEvidence> lastHold) {
    public RampShare {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(lastHold, "lastHold");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(nextStepAt, "nextStepAt");
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a ramp's share is a percentage: " + percent);
        }
        if (step < 1) {
            throw new IllegalArgumentException("a ramp's step counts from 1: " + step);
        }
    }

    /** A share whose ramp has no hold ended yet. */
    public RampShare(Target target, int percent, int step, Instant since, Optional<Instant> nextStepAt) {
        this(target, percent, step, since, nextStepAt, Optional.empty());
    }
}
