package dev.detour.incidents.application;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.recovery.RampSample;
import dev.detour.incidents.signals.FiringAlerts;
import dev.detour.incidents.signals.GatewayMonitor;
import dev.detour.incidents.signals.ProviderStatusPageTracker;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.WindowStats;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a ramp's tick knows about its target now (docs/recovery.md): the gateway windows of its models (all
 * replicas' counts; a provider's models added up) and whether the provider's status page or an Alertmanager alert
 * calls it failing. One that already fired before the ramp began holds a step without traffic; one that starts
 * firing during a step rolls it back at the next tick, whatever the traffic ({@code Ramp#tick}). A new failure
 * (gateway, status page, Alertmanager) also reaches a ramp as a signal ({@link RampService#signalled}).
 */
@Singleton
public class RampEvidenceSource {
    private final Catalog catalog;
    private final GatewayMonitor gateway;
    private final ProviderStatusPageTracker statusPages;
    private final FiringAlerts alerts;
    private final Duration window;
    private final Clock clock;

    public RampEvidenceSource(Catalog catalog, DetourConfig config, GatewayMonitor gateway,
                              ProviderStatusPageTracker statusPages, FiringAlerts alerts, Clock clock) {
        this.alerts = alerts;
        this.catalog = catalog;
        this.gateway = gateway;
        this.statusPages = statusPages;
        this.window = config.detection().window();
        this.clock = clock;
    }

    public RampSample sample(Target target) {
        Instant now = clock.instant();
        Provider provider = catalog.provider(catalog.providerOf(target)).orElseThrow();
        List<ModelId> models = target.fold(id -> provider.models().stream().map(Model::id).toList(), List::of);
        Set<ModelId> pageSaysFailing = statusPages.firingModels(provider);
        Set<ModelId> alerting = alerts.firingModels();
        long requests = 0;
        long errors = 0;
        long slow = 0;
        long p95 = 0;
        Set<String> firing = new TreeSet<>();
        for (ModelId model : models) {
            WindowStats stats = gateway.stats(model, now).orElse(new WindowStats(0, 0, 0, 0, 0, 0));
            requests += stats.requests();
            errors += Math.min(stats.requests(), stats.providerErrors() + stats.capacityErrors());
            slow += stats.slowRequests();
            p95 = Math.max(p95, stats.p95LatencyMs());
            if (pageSaysFailing.contains(model)) {
                firing.add(Signal.STATUSPAGE_PREFIX + provider.id());
            }
            if (alerting.contains(model)) {
                firing.add(ALERTMANAGER);
            }
        }
        boolean p95OverLimit = requests > 0 && slow * 20 > requests;
        return new RampSample(requests, errors, p95OverLimit, p95, List.copyOf(firing), window);
    }

    /** The source name of an Alertmanager alert, as its signals carry it. */
    private static final String ALERTMANAGER = "alertmanager";
}
