package dev.detour.incidents.application;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.signals.GatewayMonitor;
import dev.detour.incidents.signals.Signal;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The org's gateway outcomes: counted in memory by {@link GatewayMonitor}; only a change of a model's health
 * reaches the database, as a signal, through {@link GatewaySignalRecorder}, which keeps it until the database
 * has it. A regular check notices recovery when no batch arrives to trigger it, and retries waiting signals.
 */
@Singleton
public class GatewaySignals {
    private static final Logger LOG = LoggerFactory.getLogger(GatewaySignals.class);

    /**
     * One request outcome as the gateway reports it, already checked against the catalog.
     *
     * @param status an HTTP status (100 to 599), or 0 when there was none (a timeout, a dropped connection)
     */
    public record Outcome(ModelId model, boolean ok, int status, long latencyMs) {
        /** Longer than any request a gateway waits for: a larger latency is a unit mistake, not a slow model. */
        public static final long MAX_LATENCY_MS = Duration.ofDays(1).toMillis();

        public Outcome {
            if (!isStatus(status)) {
                throw new IllegalArgumentException("not an HTTP status: " + status);
            }
            if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
                throw new IllegalArgumentException("latency out of range: " + latencyMs);
            }
        }

        public static boolean isStatus(long status) {
            return status == 0 || status >= 100 && status <= 599;
        }
    }

    private final GatewayMonitor monitor;
    private final GatewaySignalRecorder recorder;
    private final Catalog catalog;
    private final Clock clock;
    private final Duration recordWait;

    public GatewaySignals(GatewayMonitor monitor, GatewaySignalRecorder recorder, Catalog catalog, Clock clock,
                          SignalSettings settings) {
        this.monitor = monitor;
        this.recorder = recorder;
        this.catalog = catalog;
        this.clock = clock;
        this.recordWait = settings.gatewayRecordWait();
    }

    /**
     * Counts a batch and acts on the health changes it causes. Waits at most {@code gateway-record-wait} for those
     * changes to be recorded, so that a caller usually sees their effect; when the database is slow or down they
     * are recorded later, and the batch counts all the same.
     */
    public void ingest(Collection<Outcome> outcomes) {
        Instant now = clock.instant();
        java.util.Set<ModelId> touched = new java.util.HashSet<>();
        for (Outcome outcome : outcomes) {
            monitor.record(outcome.model(), outcome.ok(), outcome.status(), outcome.latencyMs(), now);
            touched.add(outcome.model());
        }
        List<Signal> transitions = new ArrayList<>();
        for (ModelId model : touched) {
            transitions.addAll(monitor.evaluate(model, now));
        }
        if (transitions.isEmpty()) {
            return;
        }
        try {
            recorder.submit(transitions).get(recordWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.debug("gateway signals not recorded within {}; they are recorded when the database takes them",
                    recordWait);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the recorder's future never fails", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Job("gateway-check")
    @Scheduled(fixedDelay = "${detour.signals.gateway-check:1s}", initialDelay = "${detour.signals.gateway-check:1s}")
    public void check() {
        recorder.submit(monitor.evaluateAll(clock.instant()));
        recorder.retry();
    }

    /** A person switched a model or provider: a flapping hold on the models concerned ends. */
    @TransactionalEventListener
    public void onCommitted(DetourEvent event) {
        if (event instanceof DetourEvent.AvailabilityChanged changed && changed.actor().kind() == Actor.Kind.USER) {
            List<ModelId> models = changed.target().fold(
                    provider -> catalog.provider(provider).map(p -> p.models().stream().map(m -> m.id()).toList())
                            .orElse(List.of()),
                    List::of);
            models.forEach(monitor::release);
        }
    }
}
