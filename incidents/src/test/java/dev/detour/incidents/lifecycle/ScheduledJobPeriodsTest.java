package dev.detour.incidents.lifecycle;

import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScheduledJobPeriodsTest {

    @Singleton
    @Requires(property = "test.period-job")
    static class PeriodicJob {
        @Job("test-period")
        @Scheduled(fixedDelay = "${test.period:1h}", initialDelay = "1h")
        void run() {
        }
    }

    @Test
    void eachApplicationReportsThePeriodItsOwnConfigurationGives() {
        // An application started earlier in the same JVM (another test class) must not lend it its settings.
        assertEquals(Optional.of(Duration.ofHours(1)), periodIn(Map.of()));
        assertEquals(Optional.of(Duration.ofMinutes(3)), periodIn(Map.of("test.period", "3m")));
    }

    private static Optional<Duration> periodIn(Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.h2());
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put("test.period-job", "true");
        properties.putAll(settings);
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            return context.getBean(Jobs.class).records().get("test-period").period();
        }
    }
}
