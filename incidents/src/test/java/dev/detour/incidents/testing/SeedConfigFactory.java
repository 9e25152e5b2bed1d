package dev.detour.incidents.testing;

import dev.detour.incidents.ClockFactory;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.DetectionSettings;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.SlackSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * For persistence tests of the incidents module: the seed catalog as the configuration, and a clock the test
 * moves. Active only where a test sets {@code detour.test.seed=true}.
 */
@Factory
@Requires(property = SeedConfigFactory.ENABLED, value = "true")
public class SeedConfigFactory {
    public static final String ENABLED = "detour.test.seed";
    public static final String REAL_CLOCK = "detour.test.real-clock";

    @Singleton
    public DetourConfig seedConfig() {
        return new DetourConfig(SeedCatalog.catalog(),
                new SlackSettings("C0INCIDENTS", "C0SUPPORT", "C0MANAGERS", List.of("U0ALICE", "S0ONCALL")),
                DetectionSettings.DEFAULTS, "seed catalog (tests)");
    }

    /** Tests of signed Slack requests keep the real clock ({@code detour.test.real-clock=true}): Bolt reads it. */
    @Singleton
    @Replaces(value = Clock.class, factory = ClockFactory.class)
    @Requires(property = REAL_CLOCK, notEquals = "true")
    public MovableClock movableClock() {
        return new MovableClock();
    }
}
