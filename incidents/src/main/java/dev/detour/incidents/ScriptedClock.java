package dev.detour.incidents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that a script moves: the demo plays half a day of incident in seconds with true times in every
 * message, and tests step through time by hand. It only moves forward, so time in the records never runs back.
 */
public class ScriptedClock extends Clock {
    private final AtomicReference<Instant> now;

    public ScriptedClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Moves to {@code at}, or stays where it is when {@code at} is earlier. */
    public Instant set(Instant at) {
        return now.accumulateAndGet(at, (current, next) -> next.isAfter(current) ? next : current);
    }

    public Instant advance(Duration duration) {
        return now.updateAndGet(current -> current.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
