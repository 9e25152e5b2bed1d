package dev.detour.incidents.preview;

import java.util.Objects;

/**
 * A flag whose value the change moves ({@code key: before -> after}, docs/flags.md): {@code true}/{@code false}
 * for {@code provider.*.enabled} and {@code model.*.enabled}, a model id or {@code stopped} for {@code route.*}.
 */
public record FlagChange(String key, String before, String after) {
    public FlagChange {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.equals(after)) {
            throw new IllegalArgumentException(key + " does not change");
        }
    }
}
