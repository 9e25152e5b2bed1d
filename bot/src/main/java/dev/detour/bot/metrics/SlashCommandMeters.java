package dev.detour.bot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How long {@code /detour} takes, by verb: {@code detour_slash_command_ack_seconds} from receiving the request to
 * the ack (Slack gives up after 3 s), and {@code detour_slash_command_answer_seconds} until the answer was sent
 * (through {@code response_url} or a modal; for help and mistakes the ack is the answer). Both are Prometheus
 * histograms with fixed buckets around the 3-second limit, so percentiles come from {@code histogram_quantile()}
 * and add up across replicas. (Client-side percentiles are left out: the Prometheus registry does not publish
 * them next to buckets.) {@code detour_slack_busy_refusals_total} counts the Slack requests answered "busy" (or
 * dropped) because the follow-ups were full: the log writes them as one line per burst (docs/metrics.md).
 */
@Singleton
public class SlashCommandMeters {
    public static final String ACK = "detour.slash.command.ack";
    public static final String ANSWER = "detour.slash.command.answer";
    public static final String BUSY = "detour.slack.busy.refusals";
    /** Bolt context key under which the HTTP adapter leaves the moment a request arrived ({@link #now()}). */
    public static final String RECEIVED = "detour.received-nanos";
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    private final Counter busy;

    public SlashCommandMeters(MeterRegistry registry) {
        this.registry = registry;
        // Registered at once, so that it reads 0 before the first refusal rather than being absent.
        this.busy = Counter.builder(BUSY)
                .description("Slack requests refused, not queued, because the follow-ups were full")
                .register(registry);
    }

    /** A Slack request was answered "busy", or dropped, because the follow-ups were full. */
    public void refusedBusy() {
        busy.increment();
    }

    /** A monotonic reading, in nanoseconds, to measure from. */
    public long now() {
        return registry.config().clock().monotonicTime();
    }

    public void acknowledged(String verb, long receivedNanos) {
        timer(ACK, "From receiving a /detour command to its ack", verb).record(now() - receivedNanos,
                TimeUnit.NANOSECONDS);
    }

    public void answered(String verb, long receivedNanos) {
        timer(ANSWER, "From receiving a /detour command to sending its answer", verb).record(now() - receivedNanos,
                TimeUnit.NANOSECONDS);
    }

    private Timer timer(String name, String description, String verb) {
        return Timer.builder(name)
                .description(description)
                .tag("verb", verb)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
