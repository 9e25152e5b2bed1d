package dev.detour.bot.publicstatus;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Detour's public status page (docs/status.md; docs/configuration.md lists every setting). Defaults live here, on
 * the record, and nowhere else.
 *
 * @param publicUrl {@code detour.status.public-url}: where people reach Detour, the base of the page's links;
 *                  absent or blank: the host each request names
 * @param maxAge    {@code detour.status.max-age}: how long browsers and proxies may keep the page, JSON and feed
 */
@ConfigurationProperties("detour.status")
public record PublicStatusSettings(@Nullable String publicUrl, @Bindable(defaultValue = "30s") Duration maxAge) {
}
