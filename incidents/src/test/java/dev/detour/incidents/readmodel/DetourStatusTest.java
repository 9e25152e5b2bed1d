package dev.detour.incidents.readmodel;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whether users notice a problem: one definition, asked for everything (support posts) or for one incident. */
class DetourStatusTest {
    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");
    private static final Catalog CATALOG = SeedCatalog.catalog();

    @Test
    void usersAreAffectedOnlyWhileSomeTaskClassIsOffItsPrimary() {
        assertFalse(status(onPrimary(SeedCatalog.MEETING_SUMMARY)).usersAffected());
        assertTrue(status(onPrimary(SeedCatalog.MEETING_SUMMARY), onFallback(SeedCatalog.CODE_MIGRATION))
                .usersAffected());
        assertTrue(status(stopped(SeedCatalog.LEGAL_REVIEW)).usersAffected());
    }

    @Test
    void anIncidentAffectsUsersWhenATaskClassUsingOneOfItsModelsIsOffItsPrimary() {
        DetourStatus status = status(onPrimary(SeedCatalog.MEETING_SUMMARY), onFallback(SeedCatalog.CODE_MIGRATION));

        assertTrue(status.usersAffectedBy(incidentAbout(Target.model(SeedCatalog.OPUS_47)), CATALOG));
        assertFalse(status.usersAffectedBy(incidentAbout(Target.model(SeedCatalog.OPUS_48)), CATALOG),
                "meeting summaries use Opus 4.8 and are on their primary");
        assertFalse(status.usersAffectedBy(incidentAbout(Target.model(SeedCatalog.SONNET_46)), CATALOG),
                "no task class uses Sonnet 4.6");
    }

    @Test
    void anIncidentAboutAProviderAffectsUsersOfEachOfItsModels() {
        DetourStatus status = status(onPrimary(SeedCatalog.MEETING_SUMMARY), onFallback(SeedCatalog.CODE_MIGRATION));

        assertTrue(status.usersAffectedBy(incidentAbout(Target.provider(SeedCatalog.ANTHROPIC)), CATALOG));
    }

    private static Incident incidentAbout(Target target) {
        return ((IncidentChange.Applied) Incident.open(new IncidentId(1), IncidentKind.OUTAGE, "", List.of(target),
                Actor.user("U0ALICE"), AT)).incident();
    }

    private static DetourStatus status(DetourStatus.TaskClassStatus... taskClasses) {
        return new DetourStatus(AT, List.of(), List.of(), List.of(taskClasses), List.of());
    }

    private static DetourStatus.TaskClassStatus onPrimary(dev.detour.incidents.catalog.TaskClassId id) {
        TaskClass taskClass = CATALOG.taskClass(id).orElseThrow();
        return routed(taskClass, new Route(id, RouteState.PRIMARY, Optional.of(taskClass.primary()), Optional.empty(),
                RouteCause.PRIMARY_AVAILABLE));
    }

    private static DetourStatus.TaskClassStatus onFallback(dev.detour.incidents.catalog.TaskClassId id) {
        TaskClass taskClass = CATALOG.taskClass(id).orElseThrow();
        ModelId fallback = taskClass.route().get(1);
        return routed(taskClass, new Route(id, RouteState.FALLBACK, Optional.of(fallback), Optional.empty(),
                RouteCause.AUTO_FAILOVER));
    }

    private static DetourStatus.TaskClassStatus stopped(dev.detour.incidents.catalog.TaskClassId id) {
        TaskClass taskClass = CATALOG.taskClass(id).orElseThrow();
        return routed(taskClass, new Route(id, RouteState.STOPPED, Optional.empty(), Optional.empty(),
                RouteCause.NO_MODEL_AVAILABLE));
    }

    private static DetourStatus.TaskClassStatus routed(TaskClass taskClass, Route route) {
        return new DetourStatus.TaskClassStatus(taskClass.id(), taskClass.name(), taskClass.failover(),
                taskClass.route(), route, Optional.of(AT));
    }
}
