package dev.detour.incidents.lifecycle;

import java.time.Instant;
import java.util.Optional;

/**
 * How a job last ended: when it last completed, and its last failure. What health will report about the jobs.
 */
public record JobRecord(String job, Optional<Instant> lastCompleted, Optional<Failure> lastFailure) {

    /** @param what the throwable's class and message, never its stack */
    public record Failure(Instant at, String what) {
    }

    static JobRecord none(String job) {
        return new JobRecord(job, Optional.empty(), Optional.empty());
    }

    JobRecord completedAt(Instant at) {
        return new JobRecord(job, Optional.of(at), lastFailure);
    }

    JobRecord failedAt(Instant at, Throwable failure) {
        return new JobRecord(job, lastCompleted, Optional.of(new Failure(at, failure.toString())));
    }
}
