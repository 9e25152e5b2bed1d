package dev.detour.incidents.readmodel;

import dev.detour.incidents.catalog.Target;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a target came back through staged recovery during an incident (docs/recovery.md), for the manager summary:
 * gathered from the audit trail's {@code ramp.*} records and the stored ramp, never from words.
 *
 * @param steps        the ramp's shares of traffic, in percent, ending at 100
 * @param firstEnabled when it was first enabled: the first {@code ramp.started}
 * @param completedAt  when it reached 100%; empty while it still runs, or after an abort
 * @param rollbacks    how often it went back to 0%
 * @param aborted      whether it ended with the target kept off
 */
public record RampHistory(Target target, List<Integer> steps, Instant firstEnabled, Optional<Instant> completedAt,
                          int rollbacks, boolean aborted) {
    public RampHistory {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(firstEnabled, "firstEnabled");
        Objects.requireNonNull(completedAt, "completedAt");
        steps = List.copyOf(steps);
    }

    /** How long recovery took from the first enable to 100%, once it got there. */
    public Optional<Duration> took() {
        return completedAt.map(at -> Duration.between(firstEnabled, at));
    }
}
