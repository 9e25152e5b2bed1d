package dev.detour.bot.metrics;

import dev.detour.incidents.flags.Flag;
import dev.detour.incidents.flags.FlagsChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.runtime.event.annotation.EventListener;

import java.util.List;

/**
 * {@code detour_flag_changes_total{kind}}: flags whose value apps read differently after a committed change,
 * by kind ({@code provider}, {@code model}, {@code route}). Disabling one model of a task class's route counts
 * its {@code model.*} flag and every {@code route.*} flag that moved with it.
 */
@Context
public class FlagMeters {
    public static final String METER = "detour.flag.changes";
    static final List<String> KINDS = List.of("provider", "model", "route");

    private final MeterRegistry registry;

    public FlagMeters(MeterRegistry registry) {
        this.registry = registry;
        KINDS.forEach(this::counter);
    }

    @EventListener
    void onFlagsChanged(FlagsChanged changed) {
        for (Flag flag : changed.valueChanges()) {
            counter(flag.kind()).increment();
        }
    }

    private Counter counter(String kind) {
        return Counter.builder(METER)
                .description("Flags whose value changed (provider.*.enabled, model.*.enabled, route.*)")
                .tag("kind", kind)
                .register(registry);
    }
}
