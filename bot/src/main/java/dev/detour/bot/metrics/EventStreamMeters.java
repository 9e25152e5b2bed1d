package dev.detour.bot.metrics;

import dev.detour.bot.ofrep.EventStreams;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

/**
 * OFREP event streams on this replica (docs/metrics.md): {@code detour_ofrep_event_streams} connected now,
 * {@code detour_ofrep_event_streams_refused_total} answered 503 at the limit, and
 * {@code detour_ofrep_event_streams_closed_slow_total} closed because their client stopped reading.
 */
@Context
public class EventStreamMeters {
    public EventStreamMeters(MeterRegistry registry, EventStreams streams) {
        Gauge.builder("detour.ofrep.event.streams", streams, EventStreams::connected)
                .description("OFREP event streams (server-sent events) connected to this replica")
                .register(registry);
        FunctionCounter.builder("detour.ofrep.event.streams.refused", streams, EventStreams::refused)
                .description("OFREP event streams refused (503) because this replica held its maximum")
                .register(registry);
        FunctionCounter.builder("detour.ofrep.event.streams.closed.slow", streams, EventStreams::closedSlow)
                .description("OFREP event streams closed because their client read nothing for too long")
                .register(registry);
    }
}
