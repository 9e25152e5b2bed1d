package dev.detour.incidents.maintenance;

import dev.detour.incidents.catalog.EnumWords;

import java.util.Optional;

/** Where a maintenance window stands; whether it is under way follows from its times. */
public enum MaintenanceStatus {
    /** Planned, under way, or just over: its times say which. */
    SCHEDULED,
    /** Called off (by a person, or by the status page) before or while it ran. */
    CANCELLED,
    /** Declared finished by the status page (possibly before its planned end). */
    COMPLETED;

    public String word() {
        return EnumWords.of(this);
    }

    public static Optional<MaintenanceStatus> fromWord(String word) {
        return EnumWords.parse(values(), word);
    }
}
