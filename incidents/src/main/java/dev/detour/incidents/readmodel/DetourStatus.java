package dev.detour.incidents.readmodel;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.FailoverMode;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything Detour is deciding right now: availability, each task class's route, open incidents, and the targets
 * coming back through a ramp (which count as off everywhere but in the flags that split on them).
 */
public record DetourStatus(Instant at, List<ProviderStatus> providers, List<ModelStatus> models,
                           List<TaskClassStatus> taskClasses, List<Incident> openIncidents, List<RampShare> ramps) {
    public DetourStatus {
        providers = List.copyOf(providers);
        models = List.copyOf(models);
        taskClasses = List.copyOf(taskClasses);
        openIncidents = List.copyOf(openIncidents);
        ramps = List.copyOf(ramps);
    }

    /** A moment with no ramp running. */
    public DetourStatus(Instant at, List<ProviderStatus> providers, List<ModelStatus> models,
                        List<TaskClassStatus> taskClasses, List<Incident> openIncidents) {
        this(at, providers, models, taskClasses, openIncidents, List.of());
    }

    /** The ramp bringing {@code target} back, if one runs. */
    public Optional<RampShare> rampOf(Target target) {
        return ramps.stream().filter(ramp -> ramp.target().equals(target)).findFirst();
    }

    /**
     * Whether {@code model} is coming back to some share of traffic through a ramp, its own or its provider's
     * (docs/recovery.md); a ramp rolled back to 0% brings nothing back.
     */
    public boolean comingBack(ModelId model) {
        return ramps.stream().filter(ramp -> ramp.percent() > 0).anyMatch(ramp -> ramp.target().equals(Target.model(model))
                || models.stream().anyMatch(status -> status.id().equals(model)
                && ramp.target().equals(Target.provider(status.provider()))));
    }

    /**
     * Whether users notice anything now: some task class is off its primary. A support post answers this question,
     * since it lists every task class.
     */
    public boolean usersAffected() {
        return taskClasses.stream().anyMatch(TaskClassStatus::affectsUsers);
    }

    /**
     * Whether users notice {@code incident}: some task class that uses one of the models it covers is off its
     * primary. The reminder to update support about an incident answers this question.
     */
    public boolean usersAffectedBy(Incident incident, Catalog catalog) {
        return taskClasses.stream().filter(TaskClassStatus::affectsUsers).anyMatch(taskClass -> taskClass.route()
                .stream().anyMatch(model -> incident.covers(Target.model(model), catalog)));
    }

    /** @param since when its availability last changed; empty when it never has */
    public record ProviderStatus(ProviderId id, String name, boolean available, Optional<Instant> since) {
    }

    /**
     * @param available whether the model itself is switched on
     * @param usable    whether it may serve: the model and its provider are both available
     */
    public record ModelStatus(ModelId id, ProviderId provider, String name, boolean available, boolean usable,
                              Optional<Instant> since) {
    }

    /** @param since when the task class took its current route */
    public record TaskClassStatus(TaskClassId id, String name, FailoverMode failover, List<ModelId> route,
                                  Route current, Optional<Instant> since) {
        public TaskClassStatus {
            route = List.copyOf(route);
        }

        /** Its users notice: it is off its primary model (on a fallback, waiting for consent, or stopped). */
        public boolean affectsUsers() {
            return current.state() != RouteState.PRIMARY;
        }
    }
}
