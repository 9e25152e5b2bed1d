package dev.detour.notifications;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential, capped, with jitter, so that replicas and rows do not retry in step. */
public final class Backoff {
    static final Duration MAX = Duration.ofMinutes(5);

    private Backoff() {
    }

    /** About 1 s after the first failure, doubling, at most five minutes; half of it random. */
    public static Duration after(int attempts) {
        long base = Math.min(MAX.toMillis(), 1000L << Math.min(attempts, 20));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }
}
