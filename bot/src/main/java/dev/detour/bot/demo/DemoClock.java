package dev.detour.bot.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The demo's time: the script sets it, so half a day of incident plays in seconds with true times in every message. */
public final class DemoClock extends Clock {
    private final AtomicReference<Instant> now;

    public DemoClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Moves forward only: time in the records never runs backwards. */
    public void set(Instant at) {
        now.accumulateAndGet(at, (current, next) -> next.isAfter(current) ? next : current);
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
