package dev.detour.bot.metrics;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.EnumWords;
import dev.detour.incidents.catalog.ProviderId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

/**
 * {@code detour_signals_received_total{source,provider}}: reports health sources sent us, counted as they arrive
 * (before Detour decides whether they change anything). One gateway outcome, one GenAI span over OTLP, one Alertmanager alert, or one
 * status-page reading (webhook or poll) is one report. Every source and provider of the catalog starts at 0, so
 * a source that never reports is visible as a flat line rather than a missing one.
 */
@Context
public class SignalMeters {
    public static final String METER = "detour.signals.received";

    /** Where a report came from; the provider is a tag of its own, never part of the source. */
    public enum Source {
        GATEWAY, OTLP, ALERTMANAGER, STATUSPAGE;

        public String word() {
            return EnumWords.of(this);
        }
    }

    private final MeterRegistry registry;

    public SignalMeters(MeterRegistry registry, Catalog catalog) {
        this.registry = registry;
        for (Source source : Source.values()) {
            catalog.providers().forEach(provider -> counter(source, provider.id()));
        }
    }

    public void received(Source source, ProviderId provider, long reports) {
        if (reports > 0) {
            counter(source, provider).increment(reports);
        }
    }

    private Counter counter(Source source, ProviderId provider) {
        return Counter.builder(METER)
                .description("Reports received from health sources (gateway outcomes, alerts, status-page readings)")
                .tag("source", source.word())
                .tag("provider", provider.value())
                .register(registry);
    }
}
