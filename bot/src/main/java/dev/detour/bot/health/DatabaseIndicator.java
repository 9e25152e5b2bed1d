package dev.detour.bot.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code database} in {@code /health}: the background checker's last finding, never a query of its own. Not part
 * of readiness: flags and acknowledgements are served while the database is down.
 */
@Singleton
public class DatabaseIndicator implements HealthIndicator {
    private final HealthChecker checker;

    public DatabaseIndicator(HealthChecker checker) {
        this.checker = checker;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        DatabaseCheck check = checker.database();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checkedAt", check.checkedAt().toString());
        check.took().ifPresent(took -> details.put("answeredInMs", took.toMillis()));
        check.problem().ifPresent(problem -> details.put("problem", problem));
        check.lastUp().ifPresent(at -> details.put("lastUp", at.toString()));
        return Publishers.just(HealthResult.builder("database", check.up() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details).build());
    }
}
