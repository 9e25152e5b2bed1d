package dev.detour.incidents.queries;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.ports.RouteHistory;
import dev.detour.incidents.readmodel.Uptime;
import dev.detour.incidents.routing.RouteStateChange;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each task class's {@link Uptime} over the last {@link #DAYS} UTC days, today included, from the route history.
 * The work is bounded: one query of at most {@link #MAX_CHANGES} rows, then days × task classes steps.
 */
@Singleton
public class UptimeQuery {
    public static final int DAYS = 90;
    /** Far more than any real routing produces in 90 days (a change a minute for a week per task class). */
    static final int MAX_CHANGES = 100_000;

    private final RouteHistory history;
    private final Catalog catalog;
    private final Clock clock;

    public UptimeQuery(RouteHistory history, Catalog catalog, Clock clock) {
        this.history = history;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** In catalog order. */
    public Map<TaskClassId, Uptime> last90Days() {
        Instant now = clock.instant();
        LocalDate firstDay = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(DAYS - 1L);
        List<RouteStateChange> changes = history.from(firstDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
                MAX_CHANGES);
        Map<TaskClassId, Uptime> uptime = new LinkedHashMap<>();
        for (TaskClass taskClass : catalog.taskClasses()) {
            uptime.put(taskClass.id(), Uptime.of(changes.stream()
                    .filter(change -> change.taskClass().equals(taskClass.id())).toList(), firstDay, now));
        }
        return uptime;
    }
}
