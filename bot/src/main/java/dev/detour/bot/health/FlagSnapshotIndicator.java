package dev.detour.bot.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code flags}, the one Detour check of readiness: up once the flag snapshot is loaded, so OFREP can answer.
 * Its age (since it was last found to match the database) is reported, but never makes it down: while the
 * database is away, the last snapshot is exactly what apps should get.
 */
@Singleton
@Readiness
public class FlagSnapshotIndicator implements HealthIndicator {
    private final HealthChecker checker;

    public FlagSnapshotIndicator(HealthChecker checker) {
        this.checker = checker;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Optional<Duration> age = checker.flagSnapshotAge();
        HealthResult result = age.map(seconds -> HealthResult.builder("flags", HealthStatus.UP)
                        .details(Map.of("snapshotAgeSeconds", seconds.toMillis() / 1000.0)).build())
                .orElseGet(() -> HealthResult.builder("flags", HealthStatus.DOWN)
                        .details(Map.of("problem", "no flag snapshot loaded yet")).build());
        return Publishers.just(result);
    }
}
