package dev.detour.incidents.catalog;

import java.util.Optional;

/** How an enabled target comes back (docs/recovery.md): all traffic at once, or through a ramp of steps. */
public enum RecoveryMode {
    /** Every request returns to the target at once (the default). */
    AT_ONCE,
    /** The target comes back to a growing share of traffic, step by step, on evidence. */
    STAGED;

    /** The word used in config files: {@code at-once}, {@code staged}. */
    public String word() {
        return EnumWords.of(this);
    }

    public static Optional<RecoveryMode> fromWord(String word) {
        return EnumWords.parse(values(), word);
    }
}
