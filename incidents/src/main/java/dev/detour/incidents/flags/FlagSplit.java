package dev.detour.incidents.flags;

import java.util.Objects;

/**
 * A flag split by targeting key while a target ramps (docs/flags.md, "While a target ramps"): keys in the first
 * {@code percent}% of the flag's buckets ({@link FractionalBucket}) read {@code value}; other keys, and
 * evaluations without a targeting key, read the flag's own (conservative) value.
 *
 * @param step    the ramp's step, counted from 1
 * @param value   what keys in the share read: {@code true}, or the route as it is with the ramping target on
 * @param variant its variant, never the flag's own variant (so a flagd file can name both)
 */
public record FlagSplit(int percent, int step, Object value, String variant) {
    public FlagSplit {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(variant, "variant");
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a split's share is a percentage: " + percent);
        }
    }

    /** Whether {@code targetingKey} reads the split's value for flag {@code flagKey}. */
    public boolean includes(String flagKey, String targetingKey) {
        return FractionalBucket.isIn(flagKey, targetingKey, percent);
    }
}
