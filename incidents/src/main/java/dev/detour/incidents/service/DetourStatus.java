package dev.detour.incidents.service;

import dev.detour.incidents.catalog.FailoverMode;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.routing.Route;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything Detour is deciding right now: availability, each task class's route, open incidents. */
public record DetourStatus(Instant at, List<ProviderStatus> providers, List<ModelStatus> models,
                           List<TaskClassStatus> taskClasses, List<Incident> openIncidents) {
    public DetourStatus {
        providers = List.copyOf(providers);
        models = List.copyOf(models);
        taskClasses = List.copyOf(taskClasses);
        openIncidents = List.copyOf(openIncidents);
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
    }
}
