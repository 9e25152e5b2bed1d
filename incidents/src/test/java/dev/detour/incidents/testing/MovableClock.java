package dev.detour.incidents.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand, starting on the morning of the seed incident. */
public final class MovableClock extends Clock {
    public static final Instant SEED_MORNING = Instant.parse("2026-06-07T07:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(SEED_MORNING);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    public Instant advance(Duration duration) {
        return now.updateAndGet(current -> current.plus(duration));
    }
}
