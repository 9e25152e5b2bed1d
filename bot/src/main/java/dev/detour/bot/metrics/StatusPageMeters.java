package dev.detour.bot.metrics;

import dev.detour.incidents.application.ProviderStatusPageReadability;
import dev.detour.incidents.catalog.Catalog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

/**
 * {@code detour_statuspage_unreadable{provider}}: 1 while the provider's status page cannot be read (fetched,
 * parsed, or it is not Statuspage's {@code summary.json}), 0 while it reads (docs/metrics.md). Only providers with
 * a {@code status-page} have one.
 */
@Context
public class StatusPageMeters {
    public static final String METER = "detour.statuspage.unreadable";

    public StatusPageMeters(MeterRegistry registry, Catalog catalog, ProviderStatusPageReadability pages) {
        catalog.providers().stream().filter(provider -> provider.statusPage().isPresent()).forEach(provider ->
                Gauge.builder(METER, pages, readability -> readability.of(provider.id()).isPresent() ? 1 : 0)
                        .description("1 while the provider's status page cannot be read, else 0")
                        .tag("provider", provider.id().value())
                        .register(registry));
    }
}
