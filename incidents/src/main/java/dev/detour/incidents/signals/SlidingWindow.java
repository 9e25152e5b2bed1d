package dev.detour.incidents.signals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One model's gateway outcomes over the last {@code window}, in one-second slots: requests, provider-side
 * errors, capacity errors, our-side errors, requests slower than the latency threshold (exact, for the
 * decision) and a latency histogram (for the p95 people read). Fixed arrays, no allocation per outcome, so
 * memory stays flat however many outcomes arrive. Not thread-safe: its owner locks.
 */
final class SlidingWindow {
    /** Log-linear latency buckets, four per doubling: a p95 within 25%, up to about 2^30 ms. */
    static final int LATENCY_BUCKETS = 4 * 30;

    private final int seconds;
    private final long[] second;      // which epoch second each slot holds
    private final int[] requests;
    private final int[] providerErrors;
    private final int[] capacityErrors;
    private final int[] ourSideErrors;
    private final int[] slow;
    private final int[] latency;      // seconds × LATENCY_BUCKETS
    private final long slowMs;

    SlidingWindow(Duration window, long slowMs) {
        this.slowMs = slowMs;
        this.slow = new int[(int) Math.max(1, window.toSeconds())];
        this.seconds = (int) Math.max(1, window.toSeconds());
        this.second = new long[seconds];
        java.util.Arrays.fill(second, Long.MIN_VALUE);
        this.requests = new int[seconds];
        this.providerErrors = new int[seconds];
        this.capacityErrors = new int[seconds];
        this.ourSideErrors = new int[seconds];
        this.latency = new int[seconds * LATENCY_BUCKETS];
    }

    void add(long epochSecond, OutcomeClass outcome, long latencyMs) {
        int slot = slot(epochSecond);
        if (second[slot] != epochSecond) {
            clear(slot, epochSecond);
        }
        requests[slot]++;
        switch (outcome) {
            case PROVIDER_FAILURE -> providerErrors[slot]++;
            case CAPACITY -> capacityErrors[slot]++;
            case OUR_SIDE -> ourSideErrors[slot]++;
            default -> {
            }
        }
        if (latencyMs >= slowMs) {
            slow[slot]++;
        }
        latency[slot * LATENCY_BUCKETS + latencyBucket(latencyMs)]++;
    }

    /** The totals of the seconds {@code (now - window, now]}. */
    WindowStats stats(long nowEpochSecond) {
        return stats(nowEpochSecond, List.of());
    }

    /** The totals of the seconds {@code (now - window, now]}, here and in {@code elsewhere} (other replicas). */
    WindowStats stats(long nowEpochSecond, List<SecondCounts> elsewhere) {
        long requestCount = 0;
        long provider = 0;
        long capacity = 0;
        long ourSide = 0;
        long slowCount = 0;
        long[] histogram = new long[LATENCY_BUCKETS];
        for (int slot = 0; slot < seconds; slot++) {
            if (inWindow(second[slot], nowEpochSecond)) {
                requestCount += requests[slot];
                provider += providerErrors[slot];
                capacity += capacityErrors[slot];
                ourSide += ourSideErrors[slot];
                slowCount += slow[slot];
                for (int bucket = 0; bucket < LATENCY_BUCKETS; bucket++) {
                    histogram[bucket] += latency[slot * LATENCY_BUCKETS + bucket];
                }
            }
        }
        for (SecondCounts counts : elsewhere) {
            if (inWindow(counts.epochSecond(), nowEpochSecond)) {
                requestCount += counts.requests();
                provider += counts.providerErrors();
                capacity += counts.capacityErrors();
                ourSide += counts.ourSideErrors();
                slowCount += counts.slow();
                counts.addLatencyTo(histogram);
            }
        }
        return new WindowStats(requestCount, provider, capacity, ourSide, slowCount, p95(histogram, requestCount));
    }

    /** The seconds after {@code after} and before {@code before} that counted something, oldest first. */
    List<SecondCounts> completed(long after, long before) {
        List<SecondCounts> completed = new ArrayList<>();
        for (int slot = 0; slot < seconds; slot++) {
            long at = second[slot];
            if (at > after && at < before && requests[slot] > 0) {
                completed.add(new SecondCounts(at, requests[slot], providerErrors[slot], capacityErrors[slot],
                        ourSideErrors[slot], slow[slot], java.util.Arrays.copyOfRange(latency,
                        slot * LATENCY_BUCKETS, (slot + 1) * LATENCY_BUCKETS)));
            }
        }
        completed.sort(java.util.Comparator.comparingLong(SecondCounts::epochSecond));
        return completed;
    }

    private boolean inWindow(long at, long nowEpochSecond) {
        return at > nowEpochSecond - seconds && at <= nowEpochSecond;
    }

    private int slot(long epochSecond) {
        return (int) Math.floorMod(epochSecond, (long) seconds);
    }

    private void clear(int slot, long epochSecond) {
        second[slot] = epochSecond;
        requests[slot] = 0;
        providerErrors[slot] = 0;
        capacityErrors[slot] = 0;
        ourSideErrors[slot] = 0;
        slow[slot] = 0;
        java.util.Arrays.fill(latency, slot * LATENCY_BUCKETS, (slot + 1) * LATENCY_BUCKETS, 0);
    }

    /** Values 0-3 have a bucket each; above, four buckets per doubling. */
    static int latencyBucket(long latencyMs) {
        if (latencyMs < 4) {
            return (int) Math.max(0, latencyMs);
        }
        int exponent = 63 - Long.numberOfLeadingZeros(latencyMs);
        int sub = (int) (latencyMs >>> (exponent - 2)) & 3;
        return Math.min(4 * (exponent - 1) + sub, LATENCY_BUCKETS - 1);
    }

    /** The largest latency that falls into {@code bucket}. */
    static long bucketTop(int bucket) {
        if (bucket < 4) {
            return bucket;
        }
        int exponent = bucket / 4 + 1;
        int sub = bucket % 4;
        return ((4L + sub + 1) << (exponent - 2)) - 1;
    }

    private static long p95(long[] histogram, long total) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(total * 0.95);
        long seen = 0;
        for (int bucket = 0; bucket < LATENCY_BUCKETS; bucket++) {
            seen += histogram[bucket];
            if (seen >= rank) {
                return bucketTop(bucket);
            }
        }
        return bucketTop(LATENCY_BUCKETS - 1);
    }
}
