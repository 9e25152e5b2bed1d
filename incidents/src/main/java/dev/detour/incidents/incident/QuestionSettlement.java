package dev.detour.incidents.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * How a {@link Question} was settled: who answered or acted, and when. A question settled by a person's answer
 * stays so; one that only timed out may still offer its way forward until the incident ends.
 */
public record QuestionSettlement(Outcome outcome, Actor by, Instant at) {
    public enum Outcome {
        /** A person approved the move. */
        APPROVED,
        /** A person denied the move. */
        DENIED,
        /** Nobody answered in time; the task class's {@code on-timeout} answer was approve. */
        TIMED_OUT_APPROVED,
        /** Nobody answered in time; the task class's {@code on-timeout} answer was deny. */
        TIMED_OUT_DENIED,
        /** Someone did what the question suggested (by its button or by command). */
        DONE,
        /** Something else made the question pointless: the target recovered, the route moved on, a provider went off. */
        OVERTAKEN,
        /**
         * "Switch it back on?" answered by a ramp: the target began coming back step by step instead of at once
         * (docs/recovery.md), so switching it on now would start nothing.
         */
        RAMPING;

        /** Whether a later settlement may replace this one: only a timeout leaves the decision open to a person. */
        public boolean leavesWayForward() {
            return this == TIMED_OUT_DENIED;
        }
    }

    public QuestionSettlement {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
