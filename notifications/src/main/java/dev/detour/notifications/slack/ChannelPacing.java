package dev.detour.notifications.slack;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slack takes about one message per second per channel, with short bursts: a token bucket per channel (a burst
 * of {@code burst}, {@value #BURST} by default, then one per second). It measures elapsed time with a monotonic timer, not the
 * application's clock: Slack's limits run on real seconds, whatever the business clock says (tests move it).
 * Not thread-safe: the dispatcher is single-threaded.
 */
final class ChannelPacing {
    static final int BURST = 3;
    private static final Duration REFILL = Duration.ofSeconds(1);

    private record Bucket(double tokens, long atNanos) {
    }

    private final Map<String, Bucket> buckets = new HashMap<>();
    private final LongSupplier nanoTime;
    private final int burst;

    ChannelPacing(int burst, LongSupplier nanoTime) {
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    ChannelPacing(int burst) {
        this(burst, System::nanoTime);
    }

    /** Takes a token for {@code channel} if one is there. */
    boolean tryTake(String channel) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.getOrDefault(channel, new Bucket(burst, now));
        double refilled = Math.min(burst, bucket.tokens() + Math.max(0, now - bucket.atNanos())
                / (double) REFILL.toNanos());
        if (refilled < 1) {
            buckets.put(channel, new Bucket(refilled, now));
            return false;
        }
        buckets.put(channel, new Bucket(refilled - 1, now));
        return true;
    }
}
