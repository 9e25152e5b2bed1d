package dev.detour.incidents.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One model id of a provider, with the name people read.
 *
 * @param publicName what customers read for it (config {@code public-name}); its name unless configured
 * @param recovery   its own recovery policy (config {@code recovery}), overriding its provider's; empty: the provider's
 * @param aliases    how providers and gateways spell it (config {@code aliases}): exact names, and prefixes that
 *                   end in {@code *} (docs/configuration.md, "Model aliases")
 */
public record Model(ModelId id, ProviderId provider, String name, PublicName publicName,
                    Optional<RecoveryPolicy> recovery, List<String> aliases) {
    public Model {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        name = name == null || name.isBlank() ? id.value() : name;
        publicName = publicName == null ? PublicName.as(name) : publicName;
        recovery = recovery == null ? Optional.empty() : recovery;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A model without aliases. */
    public Model(ModelId id, ProviderId provider, String name, PublicName publicName,
                 Optional<RecoveryPolicy> recovery) {
        this(id, provider, name, publicName, recovery, List.of());
    }

    /** A model that comes back as its provider's policy says. */
    public Model(ModelId id, ProviderId provider, String name, PublicName publicName, List<String> aliases) {
        this(id, provider, name, publicName, Optional.empty(), aliases);
    }

    /** A model that comes back as its provider's policy says, without aliases. */
    public Model(ModelId id, ProviderId provider, String name, PublicName publicName) {
        this(id, provider, name, publicName, Optional.empty(), List.of());
    }

    /** A model customers read by its name. */
    public Model(ModelId id, ProviderId provider, String name) {
        this(id, provider, name, null, Optional.empty(), List.of());
    }
}
