package dev.detour.bot.testing;

import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.RampService;
import dev.detour.incidents.recovery.RampCommand;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.application.RouteService;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.ports.OutboxQueue;
import dev.detour.incidents.testing.Await;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Puts a running Detour back to how the seed catalog starts: every provider and model on, no route override, no
 * open incident. Integration tests that share one application call {@link #restore()} before each test, so each
 * test builds the state it needs itself and runs alone or in any order. Incident numbers keep counting up: a test
 * reads the number of the incident it opened, never assumes one.
 */
@Singleton
public final class CleanSlate {
    private static final Actor TEST = Actor.user("U0CLEANSLATE");
    /** Generous: Slack posts are paced per channel, and a busy test machine is slow. */
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private final Catalog catalog;
    private final IncidentService incidents;
    private final AvailabilityService availability;
    private final RouteService routes;
    private final OutboxQueue outbox;
    private final RampService ramps;

    CleanSlate(Catalog catalog, IncidentService incidents, AvailabilityService availability, RouteService routes,
               OutboxQueue outbox, RampService ramps) {
        this.ramps = ramps;
        this.catalog = catalog;
        this.incidents = incidents;
        this.availability = availability;
        this.routes = routes;
        this.outbox = outbox;
    }

    /**
     * Ends every ramp, turns everything back on, releases every override and resolves every open incident (no-ops
     * when clean).
     */
    public void restore() {
        ramps.activeTargets().forEach(target -> ramps.command(target, RampCommand.ABORT, TEST, Optional.empty()));
        List<Target> everything = new ArrayList<>();
        for (Provider provider : catalog.providers()) {
            everything.add(Target.provider(provider.id()));
        }
        for (Model model : catalog.models()) {
            everything.add(Target.model(model.id()));
        }
        availability.enable(everything, TEST, Optional.of("clean slate for the next test"));
        for (TaskClass taskClass : catalog.taskClasses()) {
            routes.override(taskClass.id(), Optional.empty(), TEST, Optional.empty()); // refused when none is set
        }
        for (Incident open : incidents.openIncidents()) {
            incidents.resolve(open.id(), TEST, "clean slate for the next test");
        }
    }

    /**
     * {@link #restore()}, then waits until every Slack post, flag push and email has been delivered, so none arrives late
     * in the next test. (Rows of the test-only {@code test.event} topic have no dispatcher and are left alone.)
     */
    public void restoreAndAwaitDelivery() {
        restore();
        Await.await(() -> Stream.of("slack.", "flags.", "email.").flatMap(topics -> outbox.pending(topics, 20).stream())
                        .map(row -> row.id() + " " + row.topic()).toList(),
                List::isEmpty, DELIVERY, "the outbox to deliver every Slack post and flag push");
    }
}
