package dev.detour.incidents.recovery;

import dev.detour.incidents.catalog.DetectionSettings;

/**
 * The limits a ramp's evidence is judged by: the detection's error rates (docs/signals.md) and how many requests a
 * window needs before its error rate counts as a failure.
 */
public record RampThresholds(double openErrorRate, double closeErrorRate, int windowMinRequests) {
    public RampThresholds {
        if (closeErrorRate < 0 || closeErrorRate >= openErrorRate || openErrorRate > 1 || windowMinRequests < 1) {
            throw new IllegalArgumentException("0 <= close < open <= 1, windowMinRequests >= 1");
        }
    }

    public static RampThresholds of(DetectionSettings detection) {
        return new RampThresholds(detection.openErrorRate(), detection.closeErrorRate(), detection.minRequests());
    }
}
