package dev.detour.incidents.routing;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which providers and models are switched off; everything not listed is available. A model is usable only if it
 * and its provider are available (docs/routing.md).
 */
public record Availability(Set<ProviderId> unavailableProviders, Set<ModelId> unavailableModels) {
    public Availability {
        unavailableProviders = Set.copyOf(unavailableProviders);
        unavailableModels = Set.copyOf(unavailableModels);
    }

    public static Availability allAvailable() {
        return new Availability(Set.of(), Set.of());
    }

    public Availability withProvider(ProviderId provider, boolean available) {
        return new Availability(toggled(unavailableProviders, provider, available), unavailableModels);
    }

    public Availability withModel(ModelId model, boolean available) {
        return new Availability(unavailableProviders, toggled(unavailableModels, model, available));
    }

    public boolean isAvailable(ProviderId provider) {
        return !unavailableProviders.contains(provider);
    }

    public boolean isAvailable(ModelId model) {
        return !unavailableModels.contains(model);
    }

    public boolean isUsable(ModelId model, Catalog catalog) {
        return isAvailable(model) && isAvailable(catalog.providerOf(model));
    }

    private static <T> Set<T> toggled(Set<T> unavailable, T id, boolean available) {
        Objects.requireNonNull(id, "id");
        Set<T> next = new HashSet<>(unavailable);
        if (available) {
            next.remove(id);
        } else {
            next.add(id);
        }
        return next;
    }
}
