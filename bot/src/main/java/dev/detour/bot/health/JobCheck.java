package dev.detour.bot.health;

import dev.detour.incidents.lifecycle.JobRecord;

import java.time.Duration;
import java.time.Instant;

/**
 * One scheduled job, judged: late when it has not completed within {@code allowed} (its periods, or the grace,
 * whichever is longer) of its last completion or, before its first, of when that was due.
 */
public record JobCheck(JobRecord record, Duration allowed, Duration sinceCompleted) {

    static JobCheck of(JobRecord record, HealthSettings settings, Instant now) {
        Duration allowed = record.period().map(settings::allowedFor).orElse(Duration.ZERO);
        Duration since = Duration.between(record.completedOrDue(), now);
        return new JobCheck(record, allowed, since.isNegative() ? Duration.ZERO : since);
    }

    /** A job that never said how often it runs is never late: there is nothing to measure it against. */
    public boolean late() {
        return record.period().isPresent() && sinceCompleted.compareTo(allowed) > 0;
    }
}
