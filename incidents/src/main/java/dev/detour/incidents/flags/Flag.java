package dev.detour.incidents.flags;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One flag of docs/flags.md as downstream apps read it.
 *
 * @param value    a {@link Boolean} ({@code provider.*.enabled}, {@code model.*.enabled}) or a {@link String}
 *                 ({@code route.*}: a model id or {@code stopped})
 * @param variant  {@code on}/{@code off} for booleans; the route state for routes
 * @param metadata {@code since} (ISO-8601), while one is open {@code incident}, while a target ramps
 *                 {@code rampPercent} and {@code rampStep}
 * @param split    while a target ramps: the share of targeting keys that read another value; {@code value} is
 *                 then the conservative value, read by everyone else
 */
public record Flag(String key, Object value, String variant, Map<String, String> metadata, Optional<FlagSplit> split) {
    public Flag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(split, "split");
        if (!(value instanceof Boolean) && !(value instanceof String)) {
            throw new IllegalArgumentException("flag values are booleans or strings");
        }
        if (split.filter(other -> other.value().getClass() != value.getClass()
                || other.variant().equals(variant)).isPresent()) {
            throw new IllegalArgumentException("a split of " + key + " needs a value of its type and its own variant");
        }
        metadata = Map.copyOf(metadata);
    }

    /** A flag with one value for everyone. */
    public Flag(String key, Object value, String variant, Map<String, String> metadata) {
        this(key, value, variant, metadata, Optional.empty());
    }

    /**
     * The value for one evaluation context: the same for everyone unless the flag is split, then by the
     * targeting key's bucket, and the conservative value without a targeting key.
     */
    public FlagEvaluation evaluate(Optional<String> targetingKey) {
        if (split.isEmpty()) {
            return new FlagEvaluation(key, value, variant, FlagEvaluation.Reason.STATIC, metadata);
        }
        if (targetingKey.isEmpty()) {
            return new FlagEvaluation(key, value, variant, FlagEvaluation.Reason.DEFAULT, metadata);
        }
        FlagSplit share = split.get();
        return share.includes(key, targetingKey.get())
                ? new FlagEvaluation(key, share.value(), share.variant(), FlagEvaluation.Reason.SPLIT, metadata)
                : new FlagEvaluation(key, value, variant, FlagEvaluation.Reason.SPLIT, metadata);
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
