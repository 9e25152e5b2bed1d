package dev.detour.incidents.maintenance;

/** Something a maintenance window is due, in the order they come (docs/maintenance.md). */
public enum MaintenanceStep {
    /** Say it in the incident channel: the first time Detour sees it. */
    ANNOUNCE,
    /** Say it again, {@link MaintenanceWindow#REMINDER_LEAD} before it starts. */
    REMIND,
    /** Say once that its times or its status changed since it was announced. */
    TELL_CHANGE,
    /** {@code pre-route}: switch its targets off as it starts. */
    START,
    /** {@code pre-route}: switch them back on as it ends (or is called off). */
    END
}
