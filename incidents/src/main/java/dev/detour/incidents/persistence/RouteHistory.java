package dev.detour.incidents.persistence;

import dev.detour.incidents.catalog.EnumWords;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.routing.RouteStateChange;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every route state each task class has taken (table {@code route_history}), for the uptime of docs/status.md. */
@Singleton
public class RouteHistory {
    private final RouteHistoryRepository rows;

    public RouteHistory(RouteHistoryRepository rows) {
        this.rows = rows;
    }

    /** Appends inside the caller's transaction, so the history has a change exactly when route_state does. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void append(RouteStateChange change) {
        rows.save(new RouteHistoryRow(null, change.taskClass().value(), change.state().word(), change.at()));
    }

    /**
     * The changes from {@code from} on, with each task class's state as the period began, oldest first; at most
     * {@code limit} (rows this release cannot read, such as a task class id renamed by hand, are skipped).
     */
    @Transactional(readOnly = true)
    public List<RouteStateChange> from(Instant from, int limit) {
        return rows.findFrom(from, limit).stream().flatMap(row -> read(row).stream()).toList();
    }

    private static Optional<RouteStateChange> read(RouteHistoryRow row) {
        try {
            return EnumWords.parse(RouteState.values(), row.state())
                    .map(state -> new RouteStateChange(TaskClassId.of(row.taskClassId()), state, row.changedAt()));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
