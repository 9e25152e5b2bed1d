package dev.detour.incidents.lifecycle;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.order.Ordered;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops the scheduled jobs (outbox dispatchers, pollers, consent timeouts) as soon as the application begins to stop,
 * and waits for the one that is running. Micronaut destroys beans while its scheduler keeps firing; a job that
 * fired then would get a newly created copy of its bean, which knows nothing of the stop, and use a database that
 * is being closed: an error in the log, or a Slack post sent but never marked sent.
 */
@Singleton
public class ScheduledJobsStop implements ApplicationEventListener<ShutdownEvent>, Ordered {
    /** After the jobs' own shutdown listeners, which tell them to finish the current item and not take another. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJobsStop.class);

    private final Provider<ExecutorService> scheduler;
    private final Duration grace;

    public ScheduledJobsStop(@Named(TaskExecutors.SCHEDULED) Provider<ExecutorService> scheduler,
                             ShutdownSettings settings) {
        this.scheduler = scheduler;
        this.grace = settings.grace();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        ExecutorService jobs = scheduler.get();
        jobs.shutdown(); // periodic jobs are not run again; the running one finishes
        try {
            if (!jobs.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("a scheduled job still runs after {}; stopping without it", grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
