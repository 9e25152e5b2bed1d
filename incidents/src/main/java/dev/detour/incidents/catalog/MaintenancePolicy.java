package dev.detour.incidents.catalog;


import java.util.Optional;

/** A provider's config {@code maintenance}: what Detour does about its planned work (docs/maintenance.md). */
public enum MaintenancePolicy {
    /** Say it in the incident channel when first seen and 15 minutes before it starts; switch nothing. */
    ANNOUNCE,
    /** Announce it, and switch the affected targets off when it starts and back on when it ends. */
    PRE_ROUTE;

    /** The word in config: {@code announce}, {@code pre-route}. */
    public String word() {
        return EnumWords.of(this);
    }

    public static Optional<MaintenancePolicy> fromWord(String word) {
        return EnumWords.parse(values(), word);
    }
}
