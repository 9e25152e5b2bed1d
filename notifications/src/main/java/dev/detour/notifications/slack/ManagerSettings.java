package dev.detour.notifications.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * What managers hear before the summary (docs/slack.md, "Manager heads-up"; docs/configuration.md lists every
 * setting). Defaults live here, on the record, and nowhere else.
 *
 * @param headsUpAfter {@code detour.managers.heads-up-after}: how long a feature may stay paused before managers
 *                     get a heads-up in the summary channel (once per pause)
 */
@ConfigurationProperties("detour.managers")
public record ManagerSettings(@Bindable(defaultValue = "30m") Duration headsUpAfter) {
}
