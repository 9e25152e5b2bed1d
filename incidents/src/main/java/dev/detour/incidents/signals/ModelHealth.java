package dev.detour.incidents.signals;

import dev.detour.incidents.catalog.DetectionSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Whether the gateway's numbers say a model is failing, with hysteresis and flap damping. It becomes suspect
 * when the window holds at least {@code min-requests} and the error rate reaches {@code open-error-rate} or the
 * p95 reaches {@code p95-latency-ms}; it is healthy again only after the error rate has stayed under
 * {@code close-error-rate} (with the p95 under its threshold) for {@code quiet-before-recovery}. A window without
 * requests is no evidence either way. A model that changes more than {@value #MAX_CHANGES} times in
 * {@code FLAP_PERIOD} stays suspect until a person acts.
 */
final class ModelHealth {
    static final int MAX_CHANGES = SignalEvidence.GatewayErrors.FLAP_LIMIT;
    static final Duration FLAP_PERIOD = SignalEvidence.GatewayErrors.FLAP_PERIOD;

    /** A change of mind, with the numbers that caused it. */
    record Change(boolean suspect, WindowStats stats, boolean flapping) {
    }

    private final DetectionSettings settings;
    private final Deque<Instant> changes = new ArrayDeque<>();
    private boolean suspect;
    private boolean held;
    private Instant quietSince;

    ModelHealth(DetectionSettings settings) {
        this.settings = settings;
    }

    Optional<Change> evaluate(WindowStats stats, Instant now) {
        if (!suspect) {
            if (stats.requests() >= settings.minRequests()
                    && (stats.errorRate() >= settings.openErrorRate() || stats.p95AtOrOverThreshold())) {
                return Optional.of(change(true, stats, now));
            }
            return Optional.empty();
        }
        if (stats.requests() == 0) {
            return Optional.empty();
        }
        if (stats.errorRate() >= settings.closeErrorRate() || stats.p95AtOrOverThreshold()) {
            quietSince = null;
            return Optional.empty();
        }
        if (quietSince == null) {
            quietSince = now;
        }
        if (held || Duration.between(quietSince, now).compareTo(settings.quietBeforeRecovery()) < 0) {
            return Optional.empty();
        }
        return Optional.of(change(false, stats, now));
    }

    /** A person switched the model on or off: the flapping hold ends, and the count starts again. */
    void release() {
        held = false;
        changes.clear();
    }

    boolean isSuspect() {
        return suspect;
    }

    private Change change(boolean nowSuspect, WindowStats stats, Instant now) {
        suspect = nowSuspect;
        quietSince = null;
        changes.addLast(now);
        while (!changes.isEmpty() && changes.peekFirst().isBefore(now.minus(FLAP_PERIOD))) {
            changes.removeFirst();
        }
        boolean flapping = nowSuspect && changes.size() > MAX_CHANGES;
        if (flapping) {
            held = true;
        }
        return new Change(nowSuspect, stats, flapping);
    }
}
