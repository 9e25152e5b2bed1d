package dev.detour.bot.metrics;

import dev.detour.bot.health.HealthChecker;
import dev.detour.bot.health.JobCheck;
import dev.detour.bot.health.SlackDeliveryCheck;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;

import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * What {@code /health} says, as gauges to alert on (docs/metrics.md): {@code detour_health_up{part}} for
 * {@code database}, {@code slack_delivery}, {@code jobs} and {@code flags} (1 up, 0 down, NaN unknown),
 * {@code detour_flags_snapshot_age_seconds}, and per scheduled job {@code detour_job_up{job}} and
 * {@code detour_job_seconds_since_completed{job}}. All are read from the background checker's findings and from
 * memory: a scrape never waits on the database for them.
 */
@Context
public class HealthMeters {
    private final MeterRegistry registry;
    private final HealthChecker checker;

    public HealthMeters(MeterRegistry registry, HealthChecker checker) {
        this.registry = registry;
        this.checker = checker;
        part("database", health -> health.database().up() ? 1 : 0);
        part("slack_delivery", health -> {
            SlackDeliveryCheck.State state = health.slackDelivery().state();
            return state == SlackDeliveryCheck.State.UNKNOWN ? Double.NaN
                    : state == SlackDeliveryCheck.State.UP ? 1 : 0;
        });
        part("jobs", health -> health.jobs().stream().anyMatch(JobCheck::late) ? 0 : 1);
        part("flags", health -> health.flagSnapshotAge().isPresent() ? 1 : 0);
        Gauge.builder("detour.flags.snapshot.age", checker, health -> health.flagSnapshotAge()
                        .map(age -> age.toMillis() / 1000.0).orElse(Double.NaN))
                .description("How long ago the flag snapshot OFREP serves was last found to match the database")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    /** Every job is known once the server starts: the scheduled ones, the pollers and the checker itself. */
    @EventListener
    void onServerStartup(ServerStartupEvent event) {
        checker.jobs().forEach(job -> {
            String name = job.record().job();
            Gauge.builder("detour.job.up", checker, health -> job(health, name)
                            .map(check -> check.late() ? 0.0 : 1.0).orElse(Double.NaN))
                    .description("1 while a scheduled job completes within its allowed time, 0 when it is late")
                    .tag("job", name)
                    .strongReference(true)
                    .register(registry);
            Gauge.builder("detour.job.seconds.since.completed", checker, health -> job(health, name)
                            .map(check -> check.sinceCompleted().toMillis() / 1000.0).orElse(Double.NaN))
                    .description("Seconds since a scheduled job last completed (before its first run: since it was due)")
                    .tag("job", name)
                    .strongReference(true)
                    .register(registry);
        });
    }

    private void part(String part, ToDoubleFunction<HealthChecker> value) {
        Gauge.builder("detour.health.up", checker, value)
                .description("1 when a part of /health is up, 0 when down, NaN when unknown")
                .tag("part", part)
                .strongReference(true)
                .register(registry);
    }

    private static Optional<JobCheck> job(HealthChecker health, String name) {
        return health.jobs().stream().filter(check -> check.record().job().equals(name)).findFirst();
    }
}
