package dev.detour.incidents.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * What customers read for a provider or a model (support posts, the public status page, emails): a name of its
 * own, or none, for companies that do not name their vendors, who then read neutral words ("our AI provider").
 * On-call always reads the display name.
 */
public record PublicName(Optional<String> name) {
    public PublicName {
        Objects.requireNonNull(name, "name");
        name = name.map(String::strip).filter(text -> !text.isEmpty());
    }

    public static PublicName as(String name) {
        return new PublicName(Optional.ofNullable(name));
    }

    /** Not named to customers. */
    public static PublicName unnamed() {
        return new PublicName(Optional.empty());
    }
}
