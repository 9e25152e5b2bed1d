package dev.detour.bot.testing;

import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.ports.RampStore;
import dev.detour.incidents.ports.RoutingStore;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.recovery.RampShare;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The status as the database has it, with the ramps a test puts in: a running app with ramps in it, without the
 * ramp state machine. A ramping target must also be switched off (as {@link DetourStatus} says it is everywhere
 * but in the flags that split on it); call {@code CurrentFlags.refresh()} after {@link #ramps}.
 */
@Singleton
@Replaces(StatusService.class)
@Requires(property = RampedStatus.PROPERTY, value = "true")
public class RampedStatus extends StatusService {
    public static final String PROPERTY = "detour.test.ramps";
    private final AtomicReference<List<RampShare>> ramps = new AtomicReference<>(List.of());

    public RampedStatus(RoutingStore store, RampStore stored, IncidentService incidents, Catalog catalog,
                        Clock clock) {
        super(store, stored, incidents, catalog, clock);
    }

    /** The ramps running from now on (none: an empty list). */
    public void ramps(List<RampShare> running) {
        ramps.set(List.copyOf(running));
    }

    @Override
    @Transactional(readOnly = true)
    public DetourStatus current() {
        DetourStatus stored = super.current();
        return new DetourStatus(stored.at(), stored.providers(), stored.models(), stored.taskClasses(),
                stored.openIncidents(), ramps.get());
    }
}
