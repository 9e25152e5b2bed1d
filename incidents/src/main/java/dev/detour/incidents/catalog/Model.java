package dev.detour.incidents.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * One model id of a provider, with the name people read.
 *
 * @param publicName what customers read for it (config {@code public-name}); its name unless configured
 * @param recovery   its own recovery policy (config {@code recovery}), overriding its provider's; empty: the provider's
 */
public record Model(ModelId id, ProviderId provider, String name, PublicName publicName,
                    Optional<RecoveryPolicy> recovery) {
    public Model {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        name = name == null || name.isBlank() ? id.value() : name;
        publicName = publicName == null ? PublicName.as(name) : publicName;
        recovery = recovery == null ? Optional.empty() : recovery;
    }

    /** A model that comes back as its provider's policy says. */
    public Model(ModelId id, ProviderId provider, String name, PublicName publicName) {
        this(id, provider, name, publicName, Optional.empty());
    }

    /** A model customers read by its name. */
    public Model(ModelId id, ProviderId provider, String name) {
        this(id, provider, name, null);
    }
}
