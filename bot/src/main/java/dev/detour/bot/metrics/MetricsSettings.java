package dev.detour.bot.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code /metrics} (docs/metrics.md; docs/configuration.md lists every setting). Defaults live here, on the record,
 * and nowhere else.
 *
 * @param databaseMaxAge {@code detour.metrics.database-max-age}: how often, at most, the gauges read the database
 */
@ConfigurationProperties("detour.metrics")
public record MetricsSettings(@Bindable(defaultValue = "5s") Duration databaseMaxAge) {
}
