package dev.detour.bot.slack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.detour.incidents.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A flood of "busy" refusals writes a line per burst and every {@link BusyLog#EVERY}, not one per request. */
class BusyLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("test.busy-log");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final MovableClock clock = new MovableClock();
    private final BusyLog busy = new BusyLog(logger, clock);

    BusyLogTest() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
    }

    private List<String> lines() {
        synchronized (appender) {
            return appender.list.stream().peek(event -> assertEquals(Level.WARN, event.getLevel()))
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Test
    void theFirstRefusalIsLoggedAtOnceAndTheRestOfTheBurstAsCounts() {
        busy.refused();
        assertEquals(1, lines().size());
        assertTrue(lines().get(0).startsWith("too busy: 1 Slack request(s) refused, not queued, since "
                + MovableClock.SEED_MORNING), lines().get(0));
        assertTrue(lines().get(0).contains("detour.slack.follow-up-queue is full"), lines().get(0));

        // Five thousand refusals a second for 25 s, with some requests taken in between.
        for (int second = 0; second < 25; second++) {
            for (int i = 0; i < 5_000; i++) {
                busy.refused();
                if (i % 10 == 0) {
                    busy.taken();
                }
            }
            clock.advance(Duration.ofSeconds(1));
        }
        List<String> lines = lines();
        assertEquals(3, lines.size(), String.join("\n", lines)); // at once, after 10 s, after 20 s
        // Seconds 0 to 9, and the refusal at 10 s that wrote the line.
        assertTrue(lines.get(1).startsWith("too busy: 50001 Slack request(s) refused"), lines.get(1));
        assertTrue(lines.get(2).startsWith("too busy: 50000 Slack request(s) refused, not queued, since "
                + MovableClock.SEED_MORNING.plusSeconds(10)), lines.get(2));

        // The burst is over: the 24,999 still owed are logged with the next request taken once 10 s have passed.
        busy.taken();
        assertEquals(3, lines().size(), "not before its time");
        clock.advance(Duration.ofSeconds(5));
        busy.taken();
        assertEquals(4, lines().size());
        assertTrue(lines().get(3).startsWith("too busy: 24999 Slack request(s) refused"), lines().get(3));
        busy.taken();
        clock.advance(Duration.ofMinutes(1));
        busy.taken();
        assertEquals(4, lines().size(), "nothing owed, nothing written");

        // The next burst's first refusal is logged at once again.
        busy.refused();
        assertEquals(5, lines().size());
        assertTrue(lines().get(4).startsWith("too busy: 1 Slack request(s) refused"), lines().get(4));
    }

    @Test
    void refusalsOnManyThreadsAreEachCountedOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            threads.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    busy.refused();
                    busy.taken();
                }
            });
        }
        threads.shutdown();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        clock.advance(BusyLog.EVERY);
        busy.taken();

        List<String> lines = lines();
        assertEquals(2, lines.size(), String.join("\n", lines));
        long counted = lines.stream().mapToLong(line -> Long.parseLong(line.split(" ")[2])).sum();
        assertEquals(80_000, counted);
    }
}
