package dev.detour.incidents.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One model id of a provider, with the name people read.
 *
 * @param publicName what customers read for it (config {@code public-name}); its name unless configured
 * @param aliases    how providers and gateways spell it (config {@code aliases}): exact names, and prefixes that
 *                   end in {@code *} (docs/configuration.md, "Model aliases")
 */
public record Model(ModelId id, ProviderId provider, String name, PublicName publicName, List<String> aliases) {
    public Model {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        name = name == null || name.isBlank() ? id.value() : name;
        publicName = publicName == null ? PublicName.as(name) : publicName;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A model without aliases. */
    public Model(ModelId id, ProviderId provider, String name, PublicName publicName) {
        this(id, provider, name, publicName, List.of());
    }

    /** A model customers read by its name. */
    public Model(ModelId id, ProviderId provider, String name) {
        this(id, provider, name, null, List.of());
    }
}
