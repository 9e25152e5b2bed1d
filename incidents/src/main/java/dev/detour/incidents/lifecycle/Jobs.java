package dev.detour.incidents.lifecycle;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place where a background job's failure stops: scheduled methods ({@link Job}) and the status-page
 * pollers run through {@link #run}, which never throws. A job that fails, even with an {@link Error} such as an
 * {@link OutOfMemoryError} or a {@link StackOverflowError}, is logged and recorded, and runs again on its next tick;
 * the other jobs are not affected. Micronaut's scheduler would catch it too, but its report of the failure is
 * outside any catch: when that report fails as well, as logging does when the heap is exhausted, the scheduler
 * cancels the job for good.
 */
@Singleton
public class Jobs {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    private final Clock clock;
    private final Map<String, JobRecord> records = new ConcurrentHashMap<>();

    public Jobs(Clock clock) {
        this.clock = clock;
    }

    /** A job's work; may throw anything. */
    @FunctionalInterface
    public interface Work {
        void run() throws Throwable;
    }

    /** Runs one tick of a job; never throws. */
    public void run(String job, Work work) {
        try {
            work.run();
        } catch (Throwable failure) {
            failed(job, failure);
            return;
        }
        try {
            Instant now = clock.instant();
            records.compute(job, (name, last) -> (last == null ? JobRecord.none(name, now) : last).completedAt(now));
        } catch (Throwable ignored) {
            // nothing is left to record it with; the job's work itself is done
        }
    }

    private void failed(String job, Throwable failure) {
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt(); // a stopping executor; the flag must survive for it
        }
        try {
            Instant now = clock.instant();
            records.compute(job, (name, last) -> (last == null ? JobRecord.none(name, now) : last)
                    .failedAt(now, failure));
            LOG.error("job {} failed; it runs again on its next tick", job, failure);
        } catch (Throwable ignored) {
            // Reporting failed too (out of memory, say): the job must still run again, so nothing escapes.
        }
    }

    /**
     * Says how often {@code job} runs, so that health can tell when it falls behind: {@code period} is the pause
     * between two runs, and the first run is due {@code firstRunIn} from now (from the first call; later calls,
     * as a job whose pause changes makes, change only the period).
     */
    public void expect(String job, Duration period, Duration firstRunIn) {
        Instant due = clock.instant().plus(firstRunIn);
        records.compute(job, (name, last) -> (last == null ? JobRecord.none(name, due) : last).every(period));
    }

    /** Each job's last completion and last failure, by job name: what a health report reads. */
    public Map<String, JobRecord> records() {
        return Map.copyOf(records);
    }
}
