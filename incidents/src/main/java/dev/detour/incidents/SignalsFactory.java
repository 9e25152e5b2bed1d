package dev.detour.incidents;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.signals.FiringAlerts;
import dev.detour.incidents.signals.GatewayMonitor;
import dev.detour.incidents.signals.ProviderStatusPageTracker;
import dev.detour.incidents.signals.UnknownModelNames;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The in-memory state of health signals: one of each per process. */
@Factory
public class SignalsFactory {
    @Singleton
    public GatewayMonitor gatewayMonitor(Catalog catalog, DetourConfig config) {
        return new GatewayMonitor(catalog, config.detection());
    }

    @Singleton
    public ProviderStatusPageTracker statusPageTracker() {
        return new ProviderStatusPageTracker();
    }

    @Singleton
    public FiringAlerts firingAlerts() {
        return new FiringAlerts();
    }

    @Singleton
    public UnknownModelNames unknownModelNames() {
        return new UnknownModelNames();
    }
}
