package dev.detour.incidents.signals;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.Target;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Atlassian Statuspage component statuses, mapped through the config's {@code components} to models. Remembers
 * the last status of each component, so the poll and the webhook that report the same change give one signal,
 * and a poll that finds nothing new gives none.
 */
public final class ProviderStatusPageTracker {
    private final Map<String, String> lastStatus = new ConcurrentHashMap<>();

    /** What a component status means: {@code empty} for a status Detour does not know. */
    public static Optional<Reading> read(String status) {
        return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "operational" -> Optional.of(new Reading(false, Signal.Severity.DEGRADED));
            case "degraded_performance", "under_maintenance" -> Optional.of(new Reading(true,
                    Signal.Severity.DEGRADED));
            case "partial_outage", "major_outage" -> Optional.of(new Reading(true, Signal.Severity.DOWN));
            default -> Optional.empty();
        };
    }

    public record Reading(boolean firing, Signal.Severity severity) {
    }

    /**
     * @return the signal when {@code component}'s status changed in a way that matters, for the models it
     *         covers; empty for unmapped components, unknown statuses and repeats
     */
    public Optional<Signal> update(Provider provider, String component, String status, Instant at) {
        return update(provider, component, provider.components().get(component), status, at);
    }

    /**
     * The same for a status that covers {@code models} without a component in the config: a StatusGator
     * service-level status covers all of the provider's models (docs/signals.md, "StatusGator").
     */
    public Optional<Signal> update(Provider provider, String component, List<ModelId> models, String status,
                                   Instant at) {
        Optional<Reading> reading = read(status);
        if (models == null || models.isEmpty() || reading.isEmpty()) {
            return Optional.empty();
        }
        String key = provider.id() + "/" + component;
        String normalised = status.toLowerCase(Locale.ROOT);
        String previous = lastStatus.put(key, normalised);
        if (normalised.equals(previous)) {
            return Optional.empty();
        }
        boolean wasFiring = previous != null && read(previous).map(Reading::firing).orElse(false);
        if (!reading.get().firing() && !wasFiring) {
            return Optional.empty(); // first sight of an operational component: nothing to say
        }
        return Optional.of(new Signal(Signal.STATUSPAGE_PREFIX + provider.id(),
                models.stream().map(Target::model).toList(), reading.get().firing(), reading.get().severity(),
                Signal.Side.PROVIDER, new SignalEvidence.ProviderComponent(provider.id(), component, normalised), at));
    }

    /** The models whose component's last known status says it fails (for a change's preview, docs/routing.md). */
    public Set<ModelId> firingModels(Provider provider) {
        Set<ModelId> firing = new TreeSet<>(Comparator.comparing(ModelId::value));
        provider.components().forEach((component, models) -> {
            String status = lastStatus.get(provider.id() + "/" + component);
            if (status != null && read(status).map(Reading::firing).orElse(false)) {
                firing.addAll(models);
            }
        });
        return firing;
    }
}
