package dev.detour.incidents.readmodel;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.routing.RouteStateChange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which features serve nothing, since when their pause began, and which incident is behind it. */
class PausedFeatureTest {
    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");
    private static final Catalog CATALOG = SeedCatalog.catalog();

    @Test
    void waitingForAnAnswerAndThenStoppedByItIsOnePauseFromItsFirstMoment() {
        DetourStatus status = status(AT.minusSeconds(60), SeedCatalog.CODE_MIGRATION, RouteState.STOPPED);
        List<RouteStateChange> history = List.of(
                change(SeedCatalog.CODE_MIGRATION, RouteState.PRIMARY, AT.minusSeconds(3600)),
                change(SeedCatalog.CODE_MIGRATION, RouteState.AWAITING_CONSENT, AT.minusSeconds(1800)),
                change(SeedCatalog.CODE_MIGRATION, RouteState.STOPPED, AT.minusSeconds(60)));

        List<PausedFeature> paused = PausedFeature.of(status, history, CATALOG);

        assertEquals(1, paused.size());
        assertEquals(AT.minusSeconds(1800), paused.get(0).since());
        assertEquals(Duration.ofMinutes(30), paused.get(0).pausedFor(AT));
        assertEquals(Optional.of(new IncidentId(7)), paused.get(0).incident().map(Incident::id));
    }

    @Test
    void aPauseAfterServingAgainStartsAnew() {
        DetourStatus status = status(AT.minusSeconds(120), SeedCatalog.LEGAL_REVIEW, RouteState.STOPPED);
        List<RouteStateChange> history = List.of(
                change(SeedCatalog.LEGAL_REVIEW, RouteState.STOPPED, AT.minusSeconds(3600)),
                change(SeedCatalog.LEGAL_REVIEW, RouteState.PRIMARY, AT.minusSeconds(600)),
                change(SeedCatalog.LEGAL_REVIEW, RouteState.STOPPED, AT.minusSeconds(120)));

        assertEquals(AT.minusSeconds(120), PausedFeature.of(status, history, CATALOG).get(0).since());
    }

    @Test
    void aPauseTheHistoryDoesNotShowBeganWhenItsRouteWasTaken() {
        DetourStatus status = status(AT.minusSeconds(300), SeedCatalog.LEGAL_REVIEW, RouteState.STOPPED);

        assertEquals(AT.minusSeconds(300), PausedFeature.of(status, List.of(), CATALOG).get(0).since());
    }

    @Test
    void aFeatureOnAFallbackIsNotPaused() {
        DetourStatus status = status(AT.minusSeconds(300), SeedCatalog.MEETING_SUMMARY, RouteState.FALLBACK);

        assertEquals(List.of(), PausedFeature.of(status, List.of(), CATALOG));
    }

    private static RouteStateChange change(TaskClassId taskClass, RouteState state, Instant at) {
        return new RouteStateChange(taskClass, state, at);
    }

    /** Every task class on its primary but {@code changed}, in {@code state} since {@code since}. */
    private static DetourStatus status(Instant since, TaskClassId changed, RouteState state) {
        Incident incident = ((IncidentChange.Applied) Incident.open(new IncidentId(7), IncidentKind.OUTAGE, "",
                List.of(Target.model(SeedCatalog.OPUS_48), Target.model(SeedCatalog.OPUS_47)), Actor.user("U0ALICE"),
                AT.minusSeconds(7200))).incident();
        List<DetourStatus.TaskClassStatus> taskClasses = CATALOG.taskClasses().stream()
                .map(taskClass -> new DetourStatus.TaskClassStatus(taskClass.id(), taskClass.name(),
                        taskClass.failover(), taskClass.route(), route(taskClass, taskClass.id().equals(changed)
                        ? state : RouteState.PRIMARY), Optional.of(since)))
                .toList();
        return new DetourStatus(AT, List.of(), List.of(), taskClasses, List.of(incident));
    }

    private static Route route(TaskClass taskClass, RouteState state) {
        ModelId primary = taskClass.primary();
        return switch (state) {
            case PRIMARY -> new Route(taskClass.id(), state, Optional.of(primary), Optional.empty(),
                    RouteCause.PRIMARY_AVAILABLE);
            case FALLBACK -> new Route(taskClass.id(), state, Optional.of(taskClass.route().get(1)), Optional.empty(),
                    RouteCause.AUTO_FAILOVER);
            case AWAITING_CONSENT -> new Route(taskClass.id(), state, Optional.empty(),
                    Optional.of(taskClass.route().get(1)), RouteCause.CONSENT_PENDING);
            case STOPPED -> new Route(taskClass.id(), state, Optional.empty(), Optional.empty(),
                    RouteCause.STOP_POLICY);
        };
    }
}
