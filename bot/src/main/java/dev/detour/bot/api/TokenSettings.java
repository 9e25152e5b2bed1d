package dev.detour.bot.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The bearer tokens callers present (docs/api.md, docs/signals.md; docs/configuration.md lists every setting).
 * Neither has a default: an absent token is "none".
 *
 * @param apiToken    {@code detour.api-token}: needed by {@code /api/*} and OFREP when set
 * @param signalToken {@code detour.signal-token}: needed by {@code /signals/*}; without it every signal is refused
 */
@ConfigurationProperties("detour")
public record TokenSettings(@Nullable String apiToken, @Nullable String signalToken) {
}
