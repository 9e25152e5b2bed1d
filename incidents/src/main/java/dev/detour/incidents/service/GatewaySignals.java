package dev.detour.incidents.service;

import dev.detour.incidents.audit.Actor;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.signals.GatewayMonitor;
import dev.detour.incidents.signals.Signal;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The org's gateway outcomes: counted in memory by {@link GatewayMonitor}; only a change of a model's health
 * reaches the database, as a signal. A regular check notices recovery when no batch arrives to trigger it.
 */
@Singleton
public class GatewaySignals {
    private static final Logger LOG = LoggerFactory.getLogger(GatewaySignals.class);

    /** One request outcome as the gateway reports it, already checked against the catalog. */
    public record Outcome(ModelId model, boolean ok, int status, long latencyMs) {
    }

    private final GatewayMonitor monitor;
    private final SignalService signals;
    private final Catalog catalog;
    private final Clock clock;

    public GatewaySignals(GatewayMonitor monitor, SignalService signals, Catalog catalog, Clock clock) {
        this.monitor = monitor;
        this.signals = signals;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Counts a batch and acts on the health changes it causes. */
    public void ingest(Collection<Outcome> outcomes) {
        Instant now = clock.instant();
        java.util.Set<ModelId> touched = new java.util.HashSet<>();
        for (Outcome outcome : outcomes) {
            monitor.record(outcome.model(), outcome.ok(), outcome.status(), outcome.latencyMs(), now);
            touched.add(outcome.model());
        }
        for (ModelId model : touched) {
            monitor.evaluate(model, now).forEach(this::receive);
        }
    }

    @Job("gateway-check")
    @Scheduled(fixedDelay = "${detour.signals.gateway-check:1s}", initialDelay = "${detour.signals.gateway-check:1s}")
    public void check() {
        monitor.evaluateAll(clock.instant()).forEach(this::receive);
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

    private void receive(Signal signal) {
        try {
            signals.receive(signal);
        } catch (RuntimeException e) {
            // The monitor has moved on; losing one transition must not stop the others (it is logged for ops).
            LOG.error("gateway signal for {} could not be recorded: {}", signal.targets(), signal.summary(), e);
        }
    }
}
