package dev.detour.incidents.recovery;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What is known about a ramping target at one tick: its gateway window (all replicas' counts) and the sources that
 * say it fails now.
 *
 * @param errors       provider failures and capacity errors in the window
 * @param p95OverLimit whether the window's p95 latency reaches the detection's {@code p95-latency-ms}
 * @param p95Ms        the window's p95 latency, approximate, for people to read
 * @param firing       the sources that call the target failing now (its provider's status page,
 *                     {@code statuspage:openai}); empty when none does. One the ramp already knew of keeps a step
 *                     without traffic from advancing; one it did not know of rolls it back
 *                     ({@link Ramp#knownFiring}), as a signal does ({@link Ramp#signalled}).
 * @param window       how far back the window reaches
 */
public record RampSample(long requests, long errors, boolean p95OverLimit, long p95Ms, List<String> firing,
                         Duration window) {
    public RampSample {
        Objects.requireNonNull(window, "window");
        firing = List.copyOf(firing);
        if (requests < 0 || errors < 0 || errors > requests) {
            throw new IllegalArgumentException("0 <= errors <= requests");
        }
    }

    /** No traffic and nothing firing. */
    public static RampSample quiet(Duration window) {
        return new RampSample(0, 0, false, 0, List.of(), window);
    }

    /** Errors over requests; 0 without requests. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }
}
