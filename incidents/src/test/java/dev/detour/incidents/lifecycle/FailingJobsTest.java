package dev.detour.incidents.lifecycle;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailingJobsTest {

    /** Handed in from outside, so the test sees what the jobs did. */
    static final class Runs {
        final AtomicInteger failing = new AtomicInteger();
        final CountDownLatch failingAgain = new CountDownLatch(3);
        final CountDownLatch steady = new CountDownLatch(20);
    }

    /** Fails on its first run with the error an exhausted heap throws, then with a stack overflow, then works. */
    @Singleton
    @Requires(property = "test.failing-jobs")
    static class FailingJob {
        private final Runs runs;

        FailingJob(Runs runs) {
            this.runs = runs;
        }

        @Job("failing")
        @Scheduled(fixedDelay = "5ms")
        void run() {
            int run = runs.failing.incrementAndGet();
            runs.failingAgain.countDown();
            if (run == 1) {
                throw new OutOfMemoryError("Java heap space");
            }
            if (run == 2) {
                throw new StackOverflowError();
            }
        }
    }

    @Singleton
    @Requires(property = "test.failing-jobs")
    static class SteadyJob {
        private final Runs runs;

        SteadyJob(Runs runs) {
            this.runs = runs;
        }

        @Job("steady")
        @Scheduled(fixedDelay = "5ms")
        void run() {
            runs.steady.countDown();
        }
    }

    /** As when the heap is exhausted: reporting the failure fails too, with the same error. */
    static final class OutOfMemoryOnFirstError extends AppenderBase<ILoggingEvent> {
        private final AtomicBoolean thrown = new AtomicBoolean();

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel() == Level.ERROR && thrown.compareAndSet(false, true)) {
                throw new OutOfMemoryError("Java heap space");
            }
        }
    }

    private final OutOfMemoryOnFirstError appender = new OutOfMemoryOnFirstError();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void exhaustTheHeapForTheFirstReport() {
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void removeAppender() {
        root.detachAppender(appender);
    }

    private static Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.h2());
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put("test.failing-jobs", "true");
        properties.put("detour.flags.sync", "1h");
        properties.put("detour.signals.gateway-check", "1h");
        properties.put("detour.signals.gateway-share", "1h");
        properties.put("detour.consent.check", "1h");
        return properties;
    }

    @Test
    void aJobThatThrowsAnErrorRunsAgainOnItsNextTickAndTheOthersKeepRunning() throws InterruptedException {
        Runs runs = new Runs();
        try (ApplicationContext context = ApplicationContext.builder().properties(properties()).singletons(runs)
                .start()) {
            assertTrue(runs.failingAgain.await(10, TimeUnit.SECONDS),
                    "the failing job ran again after an OutOfMemoryError and a StackOverflowError (ran "
                            + runs.failing.get() + " times)");
            assertTrue(runs.steady.await(10, TimeUnit.SECONDS), "the other job kept running");

            JobRecord failing = context.getBean(Jobs.class).records().get("failing");
            assertTrue(failing.lastCompleted().isPresent(), "its later runs completed");
            assertEquals("java.lang.StackOverflowError", failing.lastFailure().orElseThrow().what(),
                    "its last failure is recorded");
        }
    }
}
