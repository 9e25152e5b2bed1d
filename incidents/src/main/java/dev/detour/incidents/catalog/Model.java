package dev.detour.incidents.catalog;

import java.util.Objects;

/**
 * One model id of a provider, with the name people read.
 *
 * @param publicName what customers read for it (config {@code public-name}); its name unless configured
 */
public record Model(ModelId id, ProviderId provider, String name, PublicName publicName) {
    public Model {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        name = name == null || name.isBlank() ? id.value() : name;
        publicName = publicName == null ? PublicName.as(name) : publicName;
    }

    /** A model customers read by its name. */
    public Model(ModelId id, ProviderId provider, String name) {
        this(id, provider, name, null);
    }
}
