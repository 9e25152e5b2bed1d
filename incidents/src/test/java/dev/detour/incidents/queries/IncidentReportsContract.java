package dev.detour.incidents.queries;

import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.application.RouteService;
import dev.detour.incidents.application.RoutingOutcome;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.readmodel.IncidentReport;
import dev.detour.incidents.readmodel.RouteChange;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.CODE_MIGRATION;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.LEGAL_REVIEW;
import static dev.detour.incidents.SeedCatalog.MEETING_SUMMARY;
import static dev.detour.incidents.SeedCatalog.OPENAI;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The route changes of an incident's report, on each database: every route every task class took from the opening
 * until now, as data, read back from the audit trail (docs/slack.md, "Manager summary").
 */
abstract class IncidentReportsContract implements TestPropertyProvider {
    private static final Actor ALICE = Actor.user("U0ALICE");
    private static final Actor BOB = Actor.user("U0BOB");

    @Inject IncidentReports reports;
    @Inject AvailabilityService availability;
    @Inject IncidentService incidents;
    @Inject RouteService routes;
    @Inject MovableClock clock;

    protected abstract Map<String, Object> database();

    @Override
    public Map<String, String> getProperties() {
        return SeedConfigFactory.properties(database());
    }

    @BeforeEach
    void everythingIsOnAndNoIncidentIsOpen() {
        incidents.openIncidents().forEach(incident -> incidents.resolve(incident.id(), Actor.system("test"), ""));
        availability.set(List.of(Target.provider(ANTHROPIC), Target.provider(OPENAI), Target.model(OPUS_48),
                Target.model(OPUS_47), Target.model(GPT_5)), true, Actor.system("test"), Optional.empty(),
                Optional.empty());
        clock.advance(Duration.ofMinutes(1)); // what the clean-up changed comes before the incident
    }

    @Test
    void everyRouteTakenFromTheOpeningOnIsInTheReportAsDataEvenAfterTheResolution() {
        Instant opened = clock.instant();
        RoutingOutcome.Applied off = assertInstanceOf(RoutingOutcome.Applied.class,
                availability.disable(List.of(Target.model(OPUS_48)), ALICE, Optional.of("529s")));
        IncidentId id = off.incident().orElseThrow().id();
        Instant secondOff = clock.advance(Duration.ofMinutes(5));
        availability.disable(List.of(Target.model(OPUS_47)), ALICE, Optional.empty());
        Instant denied = clock.advance(Duration.ofMinutes(5));
        routes.answerConsent(CODE_MIGRATION, ConsentAnswer.DENY, BOB);
        clock.advance(Duration.ofMinutes(10));
        incidents.resolve(id, BOB, "capacity is back");
        Instant back = clock.advance(Duration.ofMinutes(5));
        availability.enable(List.of(Target.model(OPUS_48), Target.model(OPUS_47)), BOB, Optional.empty());
        clock.advance(Duration.ofMinutes(1));

        IncidentReport report = reports.of(id).orElseThrow();

        assertEquals(List.of(
                serving(opened, MEETING_SUMMARY, RouteState.FALLBACK, GPT_5),
                paused(opened, LEGAL_REVIEW, RouteState.STOPPED),
                paused(secondOff, CODE_MIGRATION, RouteState.AWAITING_CONSENT),
                paused(denied, CODE_MIGRATION, RouteState.STOPPED),
                serving(back, MEETING_SUMMARY, RouteState.PRIMARY, OPUS_48),
                serving(back, CODE_MIGRATION, RouteState.PRIMARY, OPUS_47),
                serving(back, LEGAL_REVIEW, RouteState.PRIMARY, OPUS_48)), report.routeChanges());
        // Why the audit trail and not the timeline: the return to primary came after the resolution.
        assertEquals(4, report.timeline().stream()
                .filter(entry -> entry.detail() instanceof TimelineDetail.RouteChanged).count());
    }

    private static RouteChange serving(Instant at, TaskClassId taskClass, RouteState state, ModelId model) {
        return new RouteChange(at, taskClass, state, Optional.of(model));
    }

    private static RouteChange paused(Instant at, TaskClassId taskClass, RouteState state) {
        return new RouteChange(at, taskClass, state, Optional.empty());
    }
}
