package dev.detour.incidents.ports;

import dev.detour.incidents.maintenance.MaintenanceId;
import dev.detour.incidents.maintenance.MaintenanceWindow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Maintenance windows, shared by every replica. Writes join the caller's transaction. */
public interface MaintenanceWindows {
    /**
     * @return true when {@code window} was recorded now; false when a window with its id exists (also one a
     *         concurrent caller recorded first), which is left as it is
     */
    boolean record(MaintenanceWindow window);

    Optional<MaintenanceWindow> find(MaintenanceId id);

    /** The window, locked until the caller's transaction ends (two replicas never change it at once). */
    Optional<MaintenanceWindow> lock(MaintenanceId id);

    /** Stores a window found with {@link #find} or {@link #lock} as it is now. */
    void save(MaintenanceWindow window);

    /**
     * Windows that end after {@code since}, with those still owed something (targets switched off and not back on,
     * a change to a window announced before not told yet) however old; by start.
     */
    List<MaintenanceWindow> notOverBefore(Instant since);
}
