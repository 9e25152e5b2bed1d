package dev.detour.incidents.readmodel;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.routing.RouteStateChange;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A feature (task class) that serves nothing right now: since when its pause began, and the open incident behind
 * it, if one covers a model of its route. A pause that went from waiting for consent to stopped is one pause.
 */
public record PausedFeature(DetourStatus.TaskClassStatus taskClass, Instant since, Optional<Incident> incident) {
    public PausedFeature {
        Objects.requireNonNull(taskClass, "taskClass");
        Objects.requireNonNull(since, "since");
        incident = incident == null ? Optional.empty() : incident;
    }

    public Duration pausedFor(Instant now) {
        return Duration.between(since, now);
    }

    /**
     * Every task class of {@code status} that serves nothing.
     *
     * @param history its route history, oldest first, reaching back at least to the start of each pause (what
     *                {@code RouteHistory.from} gives); a pause it does not show began when the route was taken
     */
    public static List<PausedFeature> of(DetourStatus status, List<RouteStateChange> history, Catalog catalog) {
        Map<TaskClassId, Instant> pauseStarts = new HashMap<>();
        for (RouteStateChange change : history) {
            if (change.state().serves()) {
                pauseStarts.remove(change.taskClass());
            } else {
                pauseStarts.putIfAbsent(change.taskClass(), change.at());
            }
        }
        return status.taskClasses().stream().filter(taskClass -> !taskClass.current().state().serves())
                .map(taskClass -> new PausedFeature(taskClass, Optional.ofNullable(pauseStarts.get(taskClass.id()))
                        .or(taskClass::since).orElse(status.at()), behind(taskClass, status, catalog)))
                .toList();
    }

    /** The earliest open incident that covers a model of the task class's route. */
    private static Optional<Incident> behind(DetourStatus.TaskClassStatus taskClass, DetourStatus status,
                                             Catalog catalog) {
        return status.openIncidents().stream()
                .filter(incident -> taskClass.route().stream()
                        .anyMatch(model -> incident.covers(Target.model(model), catalog)))
                .min(Comparator.comparing(Incident::openedAt));
    }
}
