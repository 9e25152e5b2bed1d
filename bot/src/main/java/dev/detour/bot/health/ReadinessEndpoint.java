package dev.detour.bot.health;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.annotation.SingleResult;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthCheckType;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.reactivestreams.Publisher;

import java.security.Principal;

/**
 * Micronaut's health endpoint, with {@code /health/readiness} made of the indicators marked {@link Readiness}
 * (the server has started, it is not shutting down, the flag snapshot is loaded) instead of every indicator not
 * marked {@link Liveness}. Otherwise a database or Slack outage would take every replica out of the Service, and
 * apps would lose the flags that each replica keeps serving from memory. {@code /health} still shows every part,
 * {@code /health/liveness} the {@link Liveness} ones.
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
public class ReadinessEndpoint extends HealthEndpoint {
    private final HealthAggregator<HealthResult> aggregator;
    private final HealthIndicator[] readiness;

    public ReadinessEndpoint(HealthAggregator<HealthResult> aggregator, HealthIndicator[] all,
                             @Liveness HealthIndicator[] liveness, BeanContext beans) {
        super(aggregator, all, liveness);
        this.aggregator = aggregator;
        this.readiness = beans.getBeansOfType(HealthIndicator.class, Qualifiers.byStereotype(Readiness.class))
                .toArray(HealthIndicator[]::new);
    }

    @Override
    @Read
    @SingleResult
    public Publisher<HealthResult> getHealth(@Nullable Principal principal, @Selector HealthCheckType selector) {
        if (selector == HealthCheckType.READINESS) {
            return aggregator.aggregate(readiness, levelOfDetail(principal));
        }
        return super.getHealth(principal, selector);
    }
}
