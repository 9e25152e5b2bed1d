package dev.detour.incidents.support;

import dev.detour.incidents.catalog.EnumWords;

import java.util.Optional;

/** The posts support staff get, stored as the {@code kind} of each support post. */
public enum SupportPostKind {
    /** Users are affected, or fallback state changed: which features use which model now, which are paused. */
    STATUS,
    /** The on-call team's own words for support, with the same state. */
    UPDATE,
    /** Normal routing has resumed. */
    ALL_CLEAR,
    /** The incident is resolved: over, since when users are served normally, on-call's words for customers. */
    RESOLVED;

    /** {@code status}, {@code update}, {@code all-clear}, {@code resolved}: also the stored form. */
    public String word() {
        return EnumWords.of(this);
    }

    public static Optional<SupportPostKind> of(String word) {
        return EnumWords.parse(values(), word);
    }
}
