package dev.detour.incidents.catalog;

import java.util.Objects;

/** One model id of a provider, with the name people read. */
public record Model(ModelId id, ProviderId provider, String name) {
    public Model {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        name = name == null || name.isBlank() ? id.value() : name;
    }
}
