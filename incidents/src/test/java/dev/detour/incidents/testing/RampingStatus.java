package dev.detour.incidents.testing;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.incidents.routing.Availability;
import dev.detour.incidents.routing.ConsentRecord;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.incidents.routing.RoutePlanner;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A status with ramps in it, built without a database, for tests of the flags that split on ramps: the ramping
 * targets are off (as {@link DetourStatus} says they are everywhere but in those flags) and every route is planned
 * by the real {@link RoutePlanner}.
 */
public final class RampingStatus {
    private RampingStatus() {
    }

    /** A ramp at {@code percent}% in its {@code step}th step, begun at {@code since}, next step five minutes on. */
    public static RampShare ramp(Target target, int percent, int step, Instant since) {
        return new RampShare(target, percent, step, since, Optional.of(since.plus(Duration.ofMinutes(5))));
    }

    public static DetourStatus of(Catalog catalog, Availability off, Instant at, RampShare... ramps) {
        return of(catalog, off, Map.of(), Map.of(), at, ramps);
    }

    /** {@code off}: what is switched off besides the ramping targets. */
    public static DetourStatus of(Catalog catalog, Availability off, Map<TaskClassId, RouteOverride> overrides,
                                  Map<TaskClassId, ConsentRecord> consents, Instant at, RampShare... ramps) {
        Availability availability = off;
        for (RampShare ramp : ramps) {
            Availability before = availability;
            availability = ramp.target().fold(provider -> before.withProvider(provider, false),
                    model -> before.withModel(model, false));
        }
        Availability now = availability;
        Map<TaskClassId, Route> routes = new RoutePlanner().planAll(catalog, now, overrides, consents);
        return new DetourStatus(at,
                catalog.providers().stream().map(provider -> new DetourStatus.ProviderStatus(provider.id(),
                        provider.name(), now.isAvailable(provider.id()), Optional.of(at))).toList(),
                catalog.models().stream().map(model -> new DetourStatus.ModelStatus(model.id(), model.provider(),
                        model.name(), now.isAvailable(model.id()), now.isUsable(model.id(), catalog),
                        Optional.of(at))).toList(),
                catalog.taskClasses().stream().map(taskClass -> new DetourStatus.TaskClassStatus(taskClass.id(),
                        taskClass.name(), taskClass.failover(), taskClass.route(), routes.get(taskClass.id()),
                        Optional.of(at))).toList(),
                List.of(), Arrays.asList(ramps));
    }
}
