package dev.detour.incidents.catalog;

import java.time.Duration;

/** Thresholds that turn gateway outcomes into suspect / healthy models ({@code detection} in docs/configuration.md). */
public record DetectionSettings(Duration window, int minRequests, double openErrorRate, double closeErrorRate,
                                long p95LatencyMs, Duration quietBeforeRecovery) {
    public static final DetectionSettings DEFAULTS = new DetectionSettings(
            Duration.ofSeconds(60), 20, 0.25, 0.05, 30_000, Duration.ofMinutes(5));

    public DetectionSettings {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("detection window must be positive");
        }
        if (minRequests < 1) {
            throw new IllegalArgumentException("min-requests must be at least 1");
        }
        if (openErrorRate <= 0 || openErrorRate > 1 || closeErrorRate < 0 || closeErrorRate >= openErrorRate) {
            throw new IllegalArgumentException("error rates must satisfy 0 <= close-error-rate < open-error-rate <= 1");
        }
        if (p95LatencyMs < 1) {
            throw new IllegalArgumentException("p95-latency-ms must be positive");
        }
        if (quietBeforeRecovery.isNegative()) {
            throw new IllegalArgumentException("quiet-before-recovery must not be negative");
        }
    }
}
