package dev.detour.bot.slack;

import org.slf4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The log line for Slack requests refused because the follow-ups are full (docs/slack.md): the first refusal of a
 * burst is logged at once, the rest are counted and logged as one line at most every {@link #EVERY}, so a flood of
 * commands, thousands of refusals a second, writes a line every few seconds rather than one per request. The count
 * still owed when the burst ends is logged with the next request, refused or taken, once {@link #EVERY} has passed.
 */
final class BusyLog {
    static final Duration EVERY = Duration.ofSeconds(10);

    private final Logger log;
    private final Clock clock;
    private final AtomicLong unlogged = new AtomicLong();
    /** Epoch millis of the first refusal not yet logged. */
    private final AtomicLong firstUnlogged = new AtomicLong();
    /** Epoch millis before which no line is written; a burst's first refusal finds it passed. */
    private final AtomicLong quietUntil = new AtomicLong(Long.MIN_VALUE);

    BusyLog(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** A request was refused, not queued. */
    void refused() {
        long now = clock.millis();
        if (unlogged.incrementAndGet() == 1) {
            firstUnlogged.set(now);
        }
        writeIfDue(now);
    }

    /** A request was queued: only a count still owed, if any, is written; one read when there is none. */
    void taken() {
        if (unlogged.get() > 0) {
            writeIfDue(clock.millis());
        }
    }

    private void writeIfDue(long now) {
        long until = quietUntil.get();
        // One thread wins the line; the others' refusals are in the count it takes, or in the next line's.
        if (now < until || !quietUntil.compareAndSet(until, now + EVERY.toMillis())) {
            return;
        }
        Instant since = Instant.ofEpochMilli(firstUnlogged.get());
        long count = unlogged.getAndSet(0);
        if (count > 0) {
            log.warn("too busy: {} Slack request(s) refused, not queued, since {} (detour.slack.follow-up-queue is"
                    + " full; refusals are counted and logged at most every {} s)", count, since, EVERY.toSeconds());
        }
    }
}
