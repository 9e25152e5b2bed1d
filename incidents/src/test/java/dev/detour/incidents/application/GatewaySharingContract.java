package dev.detour.incidents.application;

import dev.detour.incidents.signals.SignalEvidence;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.signals.GatewayMonitor;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas that each see half of a model's gateway traffic judge the model on all of it, on each database.
 * The seed's detection settings: 60 s window, at least 20 requests, suspect from 25 % errors.
 */
abstract class GatewaySharingContract implements TestPropertyProvider {
    @Inject DataSource dataSource;
    @Inject Catalog catalog;
    @Inject DetourConfig config;
    @Inject MovableClock clock;

    private GatewayMonitor first;
    private GatewayMonitor second;
    private GatewayWindowSharing firstSharing;
    private GatewayWindowSharing secondSharing;

    protected abstract Map<String, Object> database();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SeedConfigFactory.properties(database());
        properties.put("detour.signals.gateway-share", "1h"); // this test shares by hand
        properties.put("detour.signals.gateway-check", "1h");
        return properties;
    }

    @BeforeEach
    void twoReplicas() {
        clock.advance(Duration.ofHours(1)); // away from what earlier tests counted
        first = new GatewayMonitor(catalog, config.detection());
        second = new GatewayMonitor(catalog, config.detection());
        firstSharing = new GatewayWindowSharing(first, dataSource, clock, config);
        secondSharing = new GatewayWindowSharing(second, dataSource, clock, config);
    }

    /** Half of them 529s. */
    private void requests(GatewayMonitor replica, int count) {
        for (int i = 0; i < count; i++) {
            replica.record(OPUS_48, i % 2 == 0, i % 2 == 0 ? 200 : 529, 800, clock.instant());
        }
    }

    @Test
    void halfTheTrafficOnEachReplicaIsJudgedAsAll() {
        requests(first, 12);
        requests(second, 12);
        assertEquals(List.of(), first.evaluate(OPUS_48, clock.instant()), "12 requests alone are too few to judge");

        clock.advance(Duration.ofSeconds(1)); // the second is over: it can be shared
        firstSharing.share();
        secondSharing.share();
        firstSharing.share();

        assertEquals(24, first.stats(OPUS_48, clock.instant()).orElseThrow().requests());
        assertEquals(24, second.stats(OPUS_48, clock.instant()).orElseThrow().requests());
        List<Signal> signals = first.evaluate(OPUS_48, clock.instant());
        assertEquals(1, signals.size(), "suspect on all 24 requests: " + signals);
        SignalEvidence.GatewayErrors evidence = (SignalEvidence.GatewayErrors) signals.get(0).evidence();
        assertTrue(signals.get(0).firing() && evidence.numbers().errors() == 12
                && evidence.numbers().requests() == 24, evidence.toString());
    }

    @Test
    void aSecondIsSharedOnceAndForgottenAfterTheWindow() {
        requests(first, 10);
        clock.advance(Duration.ofSeconds(1));
        firstSharing.share();
        firstSharing.share(); // nothing new: the same second is not written twice
        secondSharing.share();
        assertEquals(10, second.stats(OPUS_48, clock.instant()).orElseThrow().requests());

        clock.advance(Duration.ofSeconds(61));
        secondSharing.share();
        assertEquals(0, second.stats(OPUS_48, clock.instant()).orElseThrow().requests(), "out of the window");
    }
}
