package dev.detour.bot.metrics;

import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.ports.OutboxQueue;
import dev.detour.notifications.flags.FlagPushKind;
import dev.detour.notifications.slack.SlackKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gauges read from the database: {@code detour_incidents_open}, and per outbox topic ({@code slack}, {@code flags})
 * {@code detour_outbox_pending} and {@code detour_outbox_oldest_pending_age_seconds}. One read (a handful of
 * counts) serves every gauge for {@code detour.metrics.database-max-age} (5 s), so however often {@code /metrics}
 * is scraped, and by however many scrapers, the database sees at most one read per interval. When the database
 * cannot be read the gauges show NaN until it can.
 */
@Context
public class DatabaseMeters {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseMeters.class);
    /** Outbox topic prefixes (the dispatchers'), by the tag value that names them. */
    static final Map<String, String> TOPICS = Map.of("slack", SlackKind.TOPICS, "flags", FlagPushKind.TOPICS);

    private final IncidentService incidents;
    private final OutboxQueue outbox;
    private final Clock clock;
    private final io.micrometer.core.instrument.Clock ticker;
    private final long maxAgeNanos;
    private Snapshot last;

    public DatabaseMeters(MeterRegistry registry, IncidentService incidents, OutboxQueue outbox, Clock clock,
                          MetricsSettings settings) {
        this.incidents = incidents;
        this.outbox = outbox;
        this.clock = clock;
        this.ticker = registry.config().clock();
        this.maxAgeNanos = settings.databaseMaxAge().toNanos();
        Gauge.builder("detour.incidents.open", () -> snapshot().openIncidents())
                .description("Incidents not resolved yet")
                .strongReference(true)
                .register(registry);
        TOPICS.keySet().forEach(topic -> {
            Gauge.builder("detour.outbox.pending", () -> snapshot().pending(topic))
                    .description("Outbox rows not delivered yet (due now or waiting for a retry), by topic")
                    .tag("topic", topic)
                    .strongReference(true)
                    .register(registry);
            Gauge.builder("detour.outbox.oldest.pending.age", () -> snapshot().oldestAgeSeconds(topic, clock))
                    .description("How long the oldest undelivered outbox row has waited (0 when none waits)")
                    .tag("topic", topic)
                    .baseUnit("seconds")
                    .strongReference(true)
                    .register(registry);
        });
    }

    private synchronized Snapshot snapshot() {
        long now = ticker.monotonicTime();
        if (last == null || now - last.readAt() >= maxAgeNanos) {
            last = read(now);
        }
        return last;
    }

    private Snapshot read(long now) {
        try {
            Map<String, OutboxQueue.Backlog> backlogs = new LinkedHashMap<>();
            TOPICS.forEach((topic, prefix) -> backlogs.put(topic, outbox.backlog(prefix)));
            return new Snapshot(now, true, incidents.openCount(), backlogs);
        } catch (RuntimeException e) {
            LOG.warn("metrics: the database could not be read: {}", e.toString());
            return new Snapshot(now, false, 0, Map.of());
        }
    }

    /** One read of the database, at {@code readAt} (the registry's monotonic time); all NaN when it failed. */
    private record Snapshot(long readAt, boolean read, long open, Map<String, OutboxQueue.Backlog> outbox) {
        double openIncidents() {
            return read ? open : Double.NaN;
        }

        double pending(String topic) {
            return read ? outbox.get(topic).pending() : Double.NaN;
        }

        double oldestAgeSeconds(String topic, Clock clock) {
            if (!read) {
                return Double.NaN;
            }
            return outbox.get(topic).oldest()
                    .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0))
                    .orElse(0.0);
        }
    }
}
