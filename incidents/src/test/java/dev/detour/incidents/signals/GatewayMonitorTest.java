package dev.detour.incidents.signals;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.DetectionSettings;
import dev.detour.incidents.catalog.ModelId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway's numbers → suspect / healthy, with the default thresholds of docs/configuration.md. */
class GatewayMonitorTest {
    private static final DetectionSettings SETTINGS = DetectionSettings.DEFAULTS; // 60s, 20, 25%, 5%, 30s, 5m
    private final GatewayMonitor monitor = new GatewayMonitor(SeedCatalog.catalog(), SETTINGS);
    private Instant now = Instant.parse("2026-06-07T07:00:00Z");
    private final List<Signal> signals = new ArrayList<>();

    /** {@code requests} outcomes of {@code model} this second, {@code failures} of them 529s; then a check. */
    private void batch(ModelId model, int requests, int failures, int status, long latencyMs) {
        for (int i = 0; i < requests; i++) {
            boolean failed = i < failures;
            monitor.record(model, !failed, failed ? status : 200, latencyMs, now);
        }
        signals.addAll(monitor.evaluate(model, now));
    }

    private void batch(ModelId model, int requests, int failures) {
        batch(model, requests, failures, 529, 800);
    }

    /** One batch every 10 s for {@code duration}. */
    private void stream(ModelId model, Duration duration, int requests, int failures) {
        for (long s = 0; s < duration.toSeconds(); s += 10) {
            now = now.plusSeconds(10);
            batch(model, requests, failures);
        }
    }

    @Test
    void countsFromOtherReplicasAddToThisOnesWithinTheWindow() {
        GatewayMonitor other = new GatewayMonitor(SeedCatalog.catalog(), SETTINGS);
        for (int i = 0; i < 12; i++) {
            other.record(OPUS_48, i >= 6, i < 6 ? 529 : 200, 40_000, now);
        }
        List<SecondCounts> theirs = other.completed(OPUS_48, Long.MIN_VALUE, now.getEpochSecond() + 1);
        assertEquals(1, theirs.size());
        SecondCounts stored = theirs.get(0);
        assertEquals(stored, new SecondCounts(stored.epochSecond(), 12, 6, 0, 0, 12,
                SecondCounts.latencyOf(stored.latencyText())), "the histogram survives its stored form");

        batch(OPUS_48, 12, 6);
        assertTrue(signals.isEmpty(), "12 requests alone are too few");
        monitor.elsewhere(java.util.Map.of(OPUS_48, theirs));
        WindowStats both = monitor.stats(OPUS_48, now).orElseThrow();
        assertEquals(24, both.requests());
        assertEquals(12, both.providerErrors() + both.capacityErrors());
        assertTrue(both.p95LatencyMs() >= 30_000, "their slow answers count in the p95: " + both.p95LatencyMs());
        assertEquals(0, monitor.stats(OPUS_48, now.plusSeconds(60)).orElseThrow().requests(), "out of the window");
    }

    @Test
    void fewerThanMinRequestsNeverOpens() {
        batch(OPUS_48, 19, 19);
        assertTrue(signals.isEmpty());
        assertFalse(monitor.isSuspect(OPUS_48));
    }

    @Test
    void anErrorRateAtTheThresholdMakesTheModelSuspectOnce() {
        batch(OPUS_48, 20, 4);
        assertTrue(signals.isEmpty(), "20% is under 25%");
        now = now.plusSeconds(1);
        batch(OPUS_48, 20, 6); // 10 of 40 = 25%
        assertEquals(1, signals.size());
        Signal suspect = signals.get(0);
        assertTrue(suspect.firing());
        assertEquals(Signal.Side.PROVIDER, suspect.side());
        assertEquals(0.25, ((SignalEvidence.GatewayErrors) suspect.evidence()).numbers().errorRate(), 1e-9);

        stream(OPUS_48, Duration.ofMinutes(10), 30, 15);
        assertEquals(1, signals.size(), "staying bad says nothing new");
    }

    @Test
    void recoveryNeedsTheErrorRateUnderTheCloseThresholdForTheQuietPeriod() {
        batch(OPUS_48, 40, 20);
        stream(OPUS_48, Duration.ofMinutes(3), 30, 3); // 10%: under open, over close: still suspect
        assertEquals(1, signals.size());
        stream(OPUS_48, Duration.ofMinutes(4), 30, 0); // healthy numbers, but not yet for 5 minutes
        assertEquals(1, signals.size());
        stream(OPUS_48, Duration.ofMinutes(2), 30, 0);
        assertEquals(2, signals.size());
        assertFalse(signals.get(1).firing());
        assertInstanceOf(SignalEvidence.GatewayRecovered.class, signals.get(1).evidence());
    }

    @Test
    void aStreamHoveringAroundTheThresholdDoesNotOpenAndCloseRepeatedly() {
        for (int minute = 0; minute < 60; minute++) {
            stream(OPUS_48, Duration.ofMinutes(1), 40, minute % 2 == 0 ? 9 : 11); // 22.5% / 27.5%
        }
        assertEquals(1, signals.size(), "suspect once; it never got under 5% to recover");
    }

    @Test
    void aStreamJustUnderTheThresholdNeverOpens() {
        stream(OPUS_48, Duration.ofMinutes(30), 40, 9); // 22.5%
        assertTrue(signals.isEmpty());
    }

    @Test
    void aModelThatFlapsStaysSuspectUntilAPersonActs() {
        for (int round = 0; round < 3; round++) {
            stream(OPUS_48, Duration.ofSeconds(60), 40, 20);  // suspect
            stream(OPUS_48, Duration.ofMinutes(6), 40, 0);    // healthy again after 5 quiet minutes
        }
        // 6 changes would be allowed only over more than 30 minutes; here the fourth change holds it.
        long changes = signals.size();
        assertTrue(signals.stream().anyMatch(s -> s.evidence() instanceof SignalEvidence.GatewayErrors errors
                && errors.flapping()), signals.toString());
        assertTrue(monitor.isSuspect(OPUS_48));
        stream(OPUS_48, Duration.ofMinutes(10), 40, 0);
        assertEquals(changes, signals.size(), "held suspect while healthy numbers arrive");

        monitor.release(OPUS_48);
        stream(OPUS_48, Duration.ofMinutes(6), 40, 0);
        assertFalse(monitor.isSuspect(OPUS_48));
    }

    @Test
    void aSlowP95MakesTheModelSuspect() {
        batch(GPT_5, 19, 0, 200, 900);
        batch(GPT_5, 1, 0, 200, 45_000);
        assertTrue(signals.isEmpty(), "1 slow request of 20 leaves the 95th percentile fast");
        batch(GPT_5, 1, 0, 200, 45_000);
        assertEquals(1, signals.size());
        assertTrue(((SignalEvidence.GatewayErrors) signals.get(0).evidence()).numbers().p95Ms() >= 30_000);
    }

    @Test
    void refusedCredentialsAreOurSideAndNeverMakeTheProviderSuspect() {
        batch(GPT_5, 40, 30, 401, 100);
        assertEquals(1, signals.size());
        assertEquals(Signal.Side.OUR_SIDE, signals.get(0).side());
        assertFalse(monitor.isSuspect(GPT_5));
        now = now.plusSeconds(61);
        batch(GPT_5, 40, 0);
        assertEquals(2, signals.size());
        assertFalse(signals.get(1).firing());
    }

    @Test
    void rateLimitingCountsAsCapacity() {
        batch(GPT_5, 40, 20, 429, 100);
        assertEquals(1, signals.size());
        assertEquals(Signal.Side.CAPACITY, signals.get(0).side());
    }

    @Test
    void outcomesLeaveTheWindowAfterItsLength() {
        batch(GPT_5, 40, 0);
        assertEquals(40, monitor.stats(GPT_5, now).orElseThrow().requests());
        assertEquals(40, monitor.stats(GPT_5, now.plusSeconds(59)).orElseThrow().requests());
        assertEquals(0, monitor.stats(GPT_5, now.plusSeconds(60)).orElseThrow().requests());
    }
}
