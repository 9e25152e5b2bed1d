package dev.detour.incidents.lifecycle;

import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.order.Ordered;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduledJobsStopTest {

    /** Handed in from outside, so it outlives the beans of the context it watches. */
    static final class JobLog {
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger runsAfterDestroy = new AtomicInteger();
        final AtomicInteger runsAfterStopped = new AtomicInteger();
        volatile boolean stopped;
        final CountDownLatch running = new CountDownLatch(3);
    }

    @Singleton
    @Requires(property = "test.frequent-job")
    static class FrequentJob {
        private final JobLog log;
        private volatile boolean destroyed;

        FrequentJob(JobLog log) {
            this.log = log;
            log.created.incrementAndGet();
        }

        @Scheduled(fixedDelay = "1ms")
        void run() {
            if (destroyed) {
                log.runsAfterDestroy.incrementAndGet();
            }
            if (log.stopped) {
                log.runsAfterStopped.incrementAndGet();
            }
            log.running.countDown();
        }

        @PreDestroy
        void destroy() throws InterruptedException {
            destroyed = true;
            Thread.sleep(100); // a bean that takes its time to stop, as a connection pool does
        }
    }

    /** The incidents module as it runs (seed catalog, H2) with its own jobs out of the way, plus the frequent job. */
    private static Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.h2());
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put("test.frequent-job", "true");
        properties.put("detour.flags.sync", "1h");
        properties.put("detour.signals.gateway-check", "1h");
        properties.put("detour.consent.check", "1h");
        return properties;
    }

    /** Listens after the stop and takes its time, as a slow listener would: the job must not run meanwhile. */
    @Singleton
    @Requires(property = "test.frequent-job")
    static class SlowShutdownListener implements ApplicationEventListener<ShutdownEvent>, Ordered {
        private final JobLog log;

        SlowShutdownListener(JobLog log) {
            this.log = log;
        }

        @Override
        public int getOrder() {
            return ScheduledJobsStop.ORDER + 1;
        }

        @Override
        public void onApplicationEvent(ShutdownEvent event) {
            log.stopped = true;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void noScheduledJobRunsOrRecreatesItsBeanOnceTheApplicationStops() throws InterruptedException {
        JobLog log = new JobLog();
        ApplicationContext context = ApplicationContext.builder()
                .properties(properties())
                .singletons(log)
                .start();
        assertTrue(log.running.await(10, TimeUnit.SECONDS), "the job runs");

        context.close();
        Await.holdsFor(Duration.ofMillis(50), () -> log.runsAfterStopped.get() == 0,
                "no run once the scheduled jobs were stopped");

        assertEquals(0, log.runsAfterStopped.get(), "no run once the scheduled jobs were stopped");
        assertEquals(1, log.created.get(), "the job's bean is created once, not again while the application stops");
        assertEquals(0, log.runsAfterDestroy.get(), "no run after its bean was destroyed");
    }
}
