package dev.detour.incidents.testing;

import dev.detour.incidents.ScriptedClock;

import java.time.Instant;

/** A clock tests move by hand, starting on the morning of the seed incident. */
public final class MovableClock extends ScriptedClock {
    public static final Instant SEED_MORNING = Instant.parse("2026-06-07T07:00:00Z");

    public MovableClock() {
        super(SEED_MORNING);
    }
}
