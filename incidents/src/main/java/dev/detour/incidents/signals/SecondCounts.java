package dev.detour.incidents.signals;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * What a gateway window counted for one model in one second: the unit one replica shares with the others.
 *
 * @param latency the latency histogram, {@link SlidingWindow#LATENCY_BUCKETS} buckets
 */
public record SecondCounts(long epochSecond, int requests, int providerErrors, int capacityErrors,
                           int ourSideErrors, int slow, int[] latency) {

    public SecondCounts {
        if (latency.length != SlidingWindow.LATENCY_BUCKETS) {
            throw new IllegalArgumentException("a latency histogram has " + SlidingWindow.LATENCY_BUCKETS
                    + " buckets, not " + latency.length);
        }
        latency = latency.clone();
    }

    /** The histogram as stored: {@code bucket:count} for the buckets that counted something. */
    public String latencyText() {
        StringJoiner text = new StringJoiner(",");
        for (int bucket = 0; bucket < latency.length; bucket++) {
            if (latency[bucket] > 0) {
                text.add(bucket + ":" + latency[bucket]);
            }
        }
        return text.toString();
    }

    public static int[] latencyOf(String text) {
        int[] latency = new int[SlidingWindow.LATENCY_BUCKETS];
        if (!text.isEmpty()) {
            for (String pair : text.split(",")) {
                int colon = pair.indexOf(':');
                latency[Integer.parseInt(pair.substring(0, colon))] = Integer.parseInt(pair.substring(colon + 1));
            }
        }
        return latency;
    }

    /** Adds this second's latency histogram to {@code histogram}, without copying it (evaluations are hot). */
    void addLatencyTo(long[] histogram) {
        for (int bucket = 0; bucket < latency.length; bucket++) {
            histogram[bucket] += latency[bucket];
        }
    }

    @Override
    public int[] latency() {
        return latency.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecondCounts that && epochSecond == that.epochSecond && requests == that.requests
                && providerErrors == that.providerErrors && capacityErrors == that.capacityErrors
                && ourSideErrors == that.ourSideErrors && slow == that.slow && Arrays.equals(latency, that.latency);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(epochSecond) * 31 + Arrays.hashCode(latency);
    }

    @Override
    public String toString() {
        return "SecondCounts[" + epochSecond + ": " + requests + " requests, " + providerErrors + "+" + capacityErrors
                + " errors, " + ourSideErrors + " our side, " + slow + " slow]";
    }
}
