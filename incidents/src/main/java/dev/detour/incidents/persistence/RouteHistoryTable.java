package dev.detour.incidents.persistence;

import dev.detour.incidents.catalog.EnumWords;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.ports.RouteHistory;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.routing.RouteStateChange;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The route history in table {@code route_history}. */
@Singleton
public class RouteHistoryTable implements RouteHistory {
    private final RouteHistoryRepository rows;

    public RouteHistoryTable(RouteHistoryRepository rows) {
        this.rows = rows;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void append(RouteStateChange change) {
        rows.save(new RouteHistoryRow(null, change.taskClass().value(), change.state().word(), change.at()));
    }

    /** Rows this release cannot read, such as a task class id renamed by hand, are skipped. */
    @Override
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
