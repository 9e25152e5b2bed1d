package dev.detour.incidents.jobs;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How long the outbox keeps what it delivered (docs/deploy.md, "Outbox"; docs/configuration.md lists every
 * setting). Defaults live here, on the record, and nowhere else. How often rows are pruned is a {@code @Scheduled}
 * placeholder instead ({@code detour.outbox.prune-every}): Micronaut reads those from the environment, not from a bean.
 *
 * @param keepDelivered {@code detour.outbox.keep-delivered}: how long a delivered row is kept before it is deleted
 */
@ConfigurationProperties("detour.outbox")
public record OutboxSettings(@Bindable(defaultValue = "7d") Duration keepDelivered) {
}
