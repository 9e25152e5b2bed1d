package dev.detour.incidents.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a job is doing: how often it runs ({@code period}, when known), since when its first run was due, when it
 * last completed, and its last failure. What health reads to tell a job that keeps up from one that stopped.
 *
 * @param period   the pause between two runs; empty for a job that ran without saying how often it runs
 * @param dueSince when its first run was due: until it completes once, lateness counts from here
 */
public record JobRecord(String job, Optional<Duration> period, Instant dueSince, Optional<Instant> lastCompleted,
                        Optional<Failure> lastFailure) {

    /** @param what the throwable's class and message, never its stack */
    public record Failure(Instant at, String what) {
    }

    static JobRecord none(String job, Instant now) {
        return new JobRecord(job, Optional.empty(), now, Optional.empty(), Optional.empty());
    }

    /** Since when the job has not completed: its last completion, or when its first run was due. */
    public Instant completedOrDue() {
        return lastCompleted.filter(completed -> completed.isAfter(dueSince)).orElse(dueSince);
    }

    /** Whether its last run failed (a failure after its last completion). */
    public boolean failing() {
        return lastFailure.map(failure -> lastCompleted.map(failure.at()::isAfter).orElse(true)).orElse(false);
    }

    JobRecord every(Duration runEvery) {
        return new JobRecord(job, Optional.of(runEvery), dueSince, lastCompleted, lastFailure);
    }

    JobRecord completedAt(Instant at) {
        return new JobRecord(job, period, dueSince, Optional.of(at), lastFailure);
    }

    JobRecord failedAt(Instant at, Throwable failure) {
        return new JobRecord(job, period, dueSince, lastCompleted, Optional.of(new Failure(at, failure.toString())));
    }
}
