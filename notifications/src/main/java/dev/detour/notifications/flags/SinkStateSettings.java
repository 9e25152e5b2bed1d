package dev.detour.notifications.flags;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * "Which apps obey" (docs/api.md, docs/flags.md). Defaults live here and nowhere else.
 *
 * @param reachWithin {@code detour.flags.sink-state.reach-within}: a change that has not reached a sink this long
 *                    after it was made is flagged in the incident thread, once
 */
@ConfigurationProperties("detour.flags.sink-state")
public record SinkStateSettings(@Bindable(defaultValue = "2m") Duration reachWithin) {
}
