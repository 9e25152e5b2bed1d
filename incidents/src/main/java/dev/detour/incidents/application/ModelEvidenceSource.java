package dev.detour.incidents.application;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.preview.ModelEvidence;
import dev.detour.incidents.signals.FiringAlerts;
import dev.detour.incidents.signals.GatewayMonitor;
import dev.detour.incidents.signals.ProviderStatusPageTracker;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.WindowStats;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What this replica knows about each model's health now, for a change's preview: the gateway's window (this
 * replica's counts plus the other replicas' shared ones) and whether the gateway, an Alertmanager alert about the
 * model or the provider's status page calls the model failing.
 */
@Singleton
public class ModelEvidenceSource {
    /** The source name of Alertmanager's alerts (as {@code bot.signals.AlertmanagerController} signals them). */
    public static final String ALERTMANAGER = "alertmanager";

    private final Catalog catalog;
    private final GatewayMonitor gateway;
    private final ProviderStatusPageTracker statusPages;
    private final FiringAlerts alerts;
    private final Duration window;
    private final Clock clock;

    public ModelEvidenceSource(Catalog catalog, DetourConfig config, GatewayMonitor gateway,
                               ProviderStatusPageTracker statusPages, FiringAlerts alerts, Clock clock) {
        this.catalog = catalog;
        this.gateway = gateway;
        this.statusPages = statusPages;
        this.alerts = alerts;
        this.window = config.detection().window();
        this.clock = clock;
    }

    /** Every model of the catalog, in catalog order. */
    public Map<ModelId, ModelEvidence> now() {
        Instant now = clock.instant();
        Map<ModelId, ModelEvidence> evidence = new LinkedHashMap<>();
        Set<ModelId> alerting = alerts.firingModels();
        for (Provider provider : catalog.providers()) {
            Set<ModelId> pageSaysFailing = statusPages.firingModels(provider);
            for (Model model : provider.models()) {
                Optional<ModelEvidence.Traffic> traffic = gateway.stats(model.id(), now)
                        .filter(stats -> stats.requests() > 0)
                        .map(stats -> new ModelEvidence.Traffic(stats.requests(), errors(stats), window));
                List<String> firing = new ArrayList<>();
                if (gateway.models().contains(model.id()) && gateway.isSuspect(model.id())) {
                    firing.add(GatewayMonitor.SOURCE);
                }
                if (alerting.contains(model.id())) {
                    firing.add(ALERTMANAGER);
                }
                if (pageSaysFailing.contains(model.id())) {
                    firing.add(Signal.STATUSPAGE_PREFIX + provider.id());
                }
                evidence.put(model.id(), new ModelEvidence(model.id(), traffic, firing));
            }
        }
        return evidence;
    }

    private static long errors(WindowStats stats) {
        return Math.min(stats.requests(), stats.providerErrors() + stats.capacityErrors());
    }
}
