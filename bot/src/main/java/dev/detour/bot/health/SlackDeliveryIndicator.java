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
 * {@code slackDelivery} in {@code /health}: down when the oldest Slack post in the outbox has waited longer than
 * {@code detour.health.slack-delivery-bound} (2 minutes), unknown while the outbox cannot be read. Not part of
 * readiness: posts wait in the outbox while Slack is away, and leave when it returns.
 */
@Singleton
public class SlackDeliveryIndicator implements HealthIndicator {
    private final HealthChecker checker;

    public SlackDeliveryIndicator(HealthChecker checker) {
        this.checker = checker;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        SlackDeliveryCheck check = checker.slackDelivery();
        HealthStatus status = switch (check.state()) {
            case UP -> HealthStatus.UP;
            case DOWN -> HealthStatus.DOWN;
            case UNKNOWN -> HealthStatus.UNKNOWN;
        };
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checkedAt", check.checkedAt().toString());
        check.pending().ifPresentOrElse(pending -> details.put("pending", pending),
                () -> details.put("problem", "the outbox cannot be read (see database)"));
        check.oldest().ifPresent(oldest -> details.put("oldestPendingSince", oldest.toString()));
        details.put("oldestPendingSeconds", check.oldestWait().toSeconds());
        details.put("boundSeconds", check.bound().toSeconds());
        return Publishers.just(HealthResult.builder("slackDelivery", status).details(details).build());
    }
}
