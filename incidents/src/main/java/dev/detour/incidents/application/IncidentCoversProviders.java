package dev.detour.incidents.application;

import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.incident.IncidentId;

import java.util.Objects;
import java.util.Set;

/**
 * An incident now covers these providers, and did not before: it was opened, reopened, or widened to another
 * provider. Published inside the transaction that made the change, so a listener's writes commit with it.
 */
public record IncidentCoversProviders(IncidentId incident, Set<ProviderId> providers) {
    public IncidentCoversProviders {
        Objects.requireNonNull(incident, "incident");
        providers = Set.copyOf(providers);
    }
}
