package dev.detour.incidents.application;

import dev.detour.incidents.catalog.ProviderId;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each provider's status page said about its open incidents at its last full reading. A page answers
 * 304 while nothing changes, so an incident Detour opens later learns of the page's incidents from here, not
 * from the page (docs/signals.md). Held in the memory of the replica that polls the page.
 */
@Singleton
public class LastProviderStatusPageReadings {
    private final Map<ProviderId, List<SignalService.StatusPageUpdate>> openIncidentUpdates = new ConcurrentHashMap<>();

    /** The updates of every incident the page lists as open, replacing what an earlier reading said. */
    public void remember(ProviderId provider, List<SignalService.StatusPageUpdate> updates) {
        openIncidentUpdates.put(provider, List.copyOf(updates));
    }

    /** Oldest first; none when the page has not been read, or listed no open incident. */
    public List<SignalService.StatusPageUpdate> openIncidentUpdates(ProviderId provider) {
        return openIncidentUpdates.getOrDefault(provider, List.of());
    }
}
