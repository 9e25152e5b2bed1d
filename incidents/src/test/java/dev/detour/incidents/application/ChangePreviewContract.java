package dev.detour.incidents.application;

import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.flags.Flag;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.preview.ModelHealthVerdict;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.PreviewOutcome;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.signals.GatewayMonitor;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.CODE_MIGRATION;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.MEETING_SUMMARY;
import static dev.detour.incidents.SeedCatalog.OPENAI;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static dev.detour.incidents.SeedCatalog.SONNET_46;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A preview and the change it previews, applied in the same test, on each database: every field of the preview
 * (routes, paused classes, questions, flags) equals what applying the change produced.
 */
abstract class ChangePreviewContract implements TestPropertyProvider {
    private static final Actor ALICE = Actor.user("U0ALICE");

    @Inject ChangePreviews previews;
    @Inject AvailabilityService availability;
    @Inject RouteService routes;
    @Inject IncidentService incidents;
    @Inject StatusService status;
    @Inject AuditTrail audit;
    @Inject GatewayMonitor gateway;
    @Inject MovableClock clock;
    @Inject Catalog catalog;

    protected abstract Map<String, Object> database();

    @Override
    public Map<String, String> getProperties() {
        return SeedConfigFactory.properties(database());
    }

    @BeforeEach
    void everythingAvailableWithoutOverridesAndAnEmptyGatewayWindow() {
        availability.set(List.of(Target.provider(ANTHROPIC), Target.provider(OPENAI), Target.model(OPUS_48),
                Target.model(OPUS_47), Target.model(SONNET_46), Target.model(GPT_5)), true, Actor.system("test"),
                Optional.empty(), Optional.empty());
        for (TaskClass taskClass : catalog.taskClasses()) {
            routes.override(taskClass.id(), Optional.empty(), Actor.system("test"), Optional.empty());
        }
        clock.advance(Duration.ofMinutes(10));
    }

    @AfterEach
    void resolveWhatTheTestLeftOpen() {
        incidents.openIncidents().forEach(incident -> incidents.resolve(incident.id(), ALICE, "test over"));
    }

    @Test
    void disablingAProviderAppliesExactlyThePreviewedRoutesQuestionsAndFlags() {
        assertAppliedAsPreviewed(new ProposedChange.Disable(List.of(Target.provider(ANTHROPIC))));
    }

    @Test
    void enablingAProviderAgainAppliesExactlyThePreview() {
        availability.disable(List.of(Target.provider(ANTHROPIC)), ALICE, Optional.empty());

        assertAppliedAsPreviewed(new ProposedChange.Enable(List.of(Target.provider(ANTHROPIC))));
    }

    @Test
    void stoppingAndReleasingARouteApplyExactlyThePreview() {
        assertAppliedAsPreviewed(new ProposedChange.Reroute(MEETING_SUMMARY, Optional.of(new RouteOverride.Stop())));
        assertAppliedAsPreviewed(new ProposedChange.Reroute(MEETING_SUMMARY, Optional.empty()));
    }

    @Test
    void pinningAModelAppliesExactlyThePreview() {
        assertAppliedAsPreviewed(new ProposedChange.Reroute(MEETING_SUMMARY,
                Optional.of(new RouteOverride.Pin(GPT_5))));
    }

    @Test
    void answeringAnOpenQuestionAppliesExactlyThePreview() {
        availability.disable(List.of(Target.model(OPUS_47)), ALICE, Optional.empty());

        assertAppliedAsPreviewed(new ProposedChange.Answer(CODE_MIGRATION, ConsentAnswer.APPROVE));
    }

    @Test
    void aPreviewOfAStateThatMovedIsNotAppliedAndTheCurrentPreviewComesBack() {
        Preview stale = previewed(previews.preview(new ProposedChange.Disable(List.of(Target.provider(ANTHROPIC)))));
        availability.disable(List.of(Target.model(GPT_5)), ALICE, Optional.empty());

        ChangePreviews.Applying applying = previews.apply(stale, ALICE, Optional.empty());

        Preview current = previewed(assertInstanceOf(ChangePreviews.Applying.StateMoved.class, applying).current());
        assertNotEquals(stale.version(), current.version());
        assertEquals(RouteState.STOPPED, current.taskClasses().get(0).stateAfter(), "gpt-5 is off meanwhile");
        assertEquals(true, status.current().providers().stream()
                .filter(provider -> provider.id().equals(ANTHROPIC)).findFirst().orElseThrow().available(),
                "nothing of the stale preview was applied");
    }

    @Test
    void aConfirmedChangeIsAuditedWithThePreviewsVersion() {
        Preview preview = previewed(previews.preview(new ProposedChange.Disable(List.of(Target.provider(ANTHROPIC)))));

        previews.apply(preview, ALICE, Optional.of("529s"));

        var confirmed = audit.search(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, AuditQuery.MAX_LIMIT, AuditQuery.Order.NEWEST_FIRST)).stream()
                .map(stored -> stored.record())
                .filter(record -> record.action().equals(AuditAction.CHANGE_CONFIRMED)).toList();
        assertFalse(confirmed.isEmpty(), "the newest confirmation is this one");
        assertEquals(Optional.of(preview.version()), confirmed.get(0).after());
        assertEquals(Optional.of("529s"), confirmed.get(0).reason());
        assertEquals(AuditSubject.targets(List.of(Target.provider(ANTHROPIC))), confirmed.get(0).subject());
    }

    @Test
    void aNarrowerScopeChosenGoesOnTheIncidentsTimelineWithTheProposalItAvoided() {
        List<Target> opus = List.of(Target.model(OPUS_48), Target.model(OPUS_47));
        Preview preview = previewed(previews.preview(new ProposedChange.Disable(opus)));
        TimelineDetail.ScopeChosen scope = new TimelineDetail.ScopeChosen(List.of(Target.provider(ANTHROPIC)), opus,
                true);

        ChangePreviews.Applying applying = previews.apply(preview, ALICE, Optional.empty(), Optional.of(scope));

        var incident = ((RoutingOutcome.Applied) assertInstanceOf(ChangePreviews.Applying.Applied.class, applying)
                .outcome()).incident().orElseThrow();
        assertEquals(List.of(scope), incidents.timeline(incident.id()).stream().map(TimelineEntry::detail)
                .filter(TimelineDetail.ScopeChosen.class::isInstance).toList());
    }

    @Test
    void aPreviewChangesNothingAndIsNotAudited() {
        int records = auditRecords();
        String version = previews.snapshot().version();

        previews.preview(new ProposedChange.Disable(List.of(Target.provider(ANTHROPIC))));
        previews.preview(new ProposedChange.Reroute(MEETING_SUMMARY, Optional.of(new RouteOverride.Stop())));

        assertEquals(records, auditRecords());
        assertEquals(version, previews.snapshot().version());
    }

    @Test
    void theGatewaysNumbersShowWhichModelsOfAProviderAreFailingAndWhichAreHealthy() {
        Instant now = clock.instant();
        for (int i = 0; i < 100; i++) {
            gateway.record(OPUS_48, i % 2 == 0, i % 2 == 0 ? 200 : 529, 800, now);
            gateway.record(OPUS_47, i % 2 == 0, i % 2 == 0 ? 200 : 529, 800, now);
            gateway.record(SONNET_46, true, 200, 800, now);
        }

        Preview preview = previewed(previews.preview(new ProposedChange.Disable(List.of(Target.provider(ANTHROPIC)))));

        assertEquals(List.of(ModelHealthVerdict.FAILING, ModelHealthVerdict.FAILING, ModelHealthVerdict.HEALTHY),
                preview.switchedOff().stream().map(model -> model.health()).toList());
        assertEquals(100, preview.switchedOff().get(2).gateway().orElseThrow().requests());
        assertEquals(50, preview.switchedOff().get(0).gateway().orElseThrow().errors());
        assertEquals(Optional.of(new ProposedChange.Disable(List.of(Target.model(OPUS_47), Target.model(OPUS_48)))),
                preview.narrower());
        assertAppliedAsPreviewed(preview.narrower().orElseThrow());
    }

    private void assertAppliedAsPreviewed(ProposedChange change) {
        new AppliedAsPreviewed(previews, status, catalog).assertFor(change);
    }

    private int auditRecords() {
        return audit.search(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0,
                AuditQuery.MAX_LIMIT, AuditQuery.Order.NEWEST_FIRST)).size();
    }

    private static Preview previewed(PreviewOutcome outcome) {
        return assertInstanceOf(PreviewOutcome.Previewed.class, outcome).preview();
    }

}
