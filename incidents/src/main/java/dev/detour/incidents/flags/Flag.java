package dev.detour.incidents.flags;

import java.util.Map;
import java.util.Objects;

/**
 * One flag of docs/flags.md as downstream apps read it.
 *
 * @param value    a {@link Boolean} ({@code provider.*.enabled}, {@code model.*.enabled}) or a {@link String}
 *                 ({@code route.*}: a model id or {@code stopped})
 * @param variant  {@code on}/{@code off} for booleans; the route state for routes
 * @param metadata {@code since} (ISO-8601) and, while one is open, {@code incident}
 */
public record Flag(String key, Object value, String variant, Map<String, String> metadata) {
    public Flag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(variant, "variant");
        if (!(value instanceof Boolean) && !(value instanceof String)) {
            throw new IllegalArgumentException("flag values are booleans or strings");
        }
        metadata = Map.copyOf(metadata);
    }

    public boolean isBoolean() {
        return value instanceof Boolean;
    }

    /** {@code provider}, {@code model} or {@code route}: the first word of the key. */
    public String kind() {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }
}
