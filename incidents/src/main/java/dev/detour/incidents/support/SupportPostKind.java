package dev.detour.incidents.support;

import dev.detour.incidents.catalog.EnumWords;

import java.util.Optional;

/** The three posts support staff get, stored as the {@code kind} of each support post. */
public enum SupportPostKind {
    /** Users are affected, or fallback state changed: which features use which model now, which are paused. */
    STATUS,
    /** The on-call team's own words for support, with the same state. */
    UPDATE,
    /** Normal routing has resumed. */
    ALL_CLEAR;

    /** {@code status}, {@code update}, {@code all-clear}: also the stored form. */
    public String word() {
        return EnumWords.of(this);
    }

    public static Optional<SupportPostKind> of(String word) {
        return EnumWords.parse(values(), word);
    }
}
