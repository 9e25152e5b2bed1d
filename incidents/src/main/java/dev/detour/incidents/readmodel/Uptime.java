package dev.detour.incidents.readmodel;

import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.routing.RouteStateChange;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one task class was served, day by day (UTC), from its route history: time on its usual model, on a backup
 * model, paused, and time with no history (before Detour first ran). Today counts up to the moment of reading.
 *
 * @param days oldest first
 */
public record Uptime(List<Day> days) {
    public Uptime {
        days = List.copyOf(days);
    }

    /** How a route state reads for end users. */
    public enum Service {
        /** On its usual (primary) model. */
        USUAL,
        /** On another model of its route. */
        BACKUP,
        /** No model serves it: stopped, or waiting for on-call's decision. */
        PAUSED;

        public static Service of(RouteState state) {
            return switch (state) {
                case PRIMARY -> USUAL;
                case FALLBACK -> BACKUP;
                case AWAITING_CONSENT, STOPPED -> PAUSED;
            };
        }
    }

    /** One UTC day; the four durations add up to the part of the day that has passed. */
    public record Day(LocalDate date, Duration usual, Duration backup, Duration paused, Duration unknown) {
        /** What the day was mostly about, worst first: any pause, else any backup, else usual; empty: no history. */
        public Optional<Service> worst() {
            if (!paused.isZero()) {
                return Optional.of(Service.PAUSED);
            }
            if (!backup.isZero()) {
                return Optional.of(Service.BACKUP);
            }
            return usual.isZero() ? Optional.empty() : Optional.of(Service.USUAL);
        }
    }

    /**
     * The days from {@code firstDay} to the day of {@code now}, from one task class's changes oldest first (those
     * before {@code firstDay} give the state the period began in). Runs in days + changes steps.
     */
    public static Uptime of(List<RouteStateChange> changes, LocalDate firstDay, Instant now) {
        List<Day> days = new ArrayList<>();
        Optional<Service> current = Optional.empty();
        int next = 0;
        LocalDate lastDay = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (LocalDate date = firstDay; !date.isAfter(lastDay); date = date.plusDays(1)) {
            Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = min(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), now);
            Duration[] spent = {Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO};
            while (next < changes.size() && !changes.get(next).at().isAfter(start)) {
                current = Optional.of(Service.of(changes.get(next++).state()));
            }
            Instant from = start;
            while (next < changes.size() && changes.get(next).at().isBefore(end)) {
                RouteStateChange change = changes.get(next++);
                add(spent, current, Duration.between(from, change.at()));
                current = Optional.of(Service.of(change.state()));
                from = change.at();
            }
            add(spent, current, Duration.between(from, end).isNegative() ? Duration.ZERO : Duration.between(from, end));
            days.add(new Day(date, spent[0], spent[1], spent[2], spent[3]));
        }
        return new Uptime(days);
    }

    /** Time on the usual model, as a share of the time with history; empty when there is no history. */
    public Optional<Double> usualShare() {
        Duration known = total(Service.USUAL).plus(total(Service.BACKUP)).plus(total(Service.PAUSED));
        return known.isZero() ? Optional.empty()
                : Optional.of((double) total(Service.USUAL).toSeconds() / known.toSeconds());
    }

    public Duration total(Service service) {
        return days.stream().map(day -> switch (service) {
            case USUAL -> day.usual();
            case BACKUP -> day.backup();
            case PAUSED -> day.paused();
        }).reduce(Duration.ZERO, Duration::plus);
    }

    private static void add(Duration[] spent, Optional<Service> service, Duration duration) {
        int slot = service.map(Enum::ordinal).orElse(3);
        spent[slot] = spent[slot].plus(duration);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
