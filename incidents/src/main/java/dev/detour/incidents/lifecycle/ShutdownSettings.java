package dev.detour.incidents.lifecycle;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How Detour stops (docs/configuration.md lists every setting). Defaults live here, on the record, and nowhere
 * else: the library modules run in tests without the bot's application.yml, so a default there would not reach them.
 *
 * @param grace {@code detour.shutdown.grace}: how long the scheduled jobs may take to finish the item in hand
 */
@ConfigurationProperties("detour.shutdown")
public record ShutdownSettings(@Bindable(defaultValue = "10s") Duration grace) {
}
