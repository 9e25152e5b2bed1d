package dev.detour.notifications.flags;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How flag changes are pushed to sinks (docs/flags.md; docs/configuration.md lists every setting). Defaults live
 * here, on the record, and nowhere else.
 *
 * @param webhookTimeout {@code detour.flags.webhook-timeout}: how long one push to a webhook sink may take, its
 *                       answer included
 */
@ConfigurationProperties("detour.flags")
public record FlagPushSettings(@Bindable(defaultValue = "10s") Duration webhookTimeout) {
}
