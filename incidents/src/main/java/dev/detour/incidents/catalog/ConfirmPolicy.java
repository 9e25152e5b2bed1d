package dev.detour.incidents.catalog;

import java.util.Optional;

/** When a switch-off asks Confirm first ({@code detour.policy.confirm}, docs/configuration.md). */
public enum ConfirmPolicy {
    /** A change that switches off a whole provider asks first. */
    PROVIDER,
    /** Every switch-off asks first. */
    ANY,
    /** Nothing asks first. */
    NEVER;

    /** {@code provider}, {@code any}, {@code never}: as written in the config file. */
    public String word() {
        return EnumWords.of(this);
    }

    public static Optional<ConfirmPolicy> fromWord(String word) {
        return EnumWords.parse(values(), word);
    }
}
