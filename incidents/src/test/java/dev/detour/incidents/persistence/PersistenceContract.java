package dev.detour.incidents.persistence;

import dev.detour.incidents.signals.SignalEvidence;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.InboundEvents;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.application.RouteService;
import dev.detour.incidents.application.RoutingOutcome;
import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.FollowUp;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.Question;
import dev.detour.incidents.incident.QuestionSettlement;
import dev.detour.incidents.incident.Refusal;
import dev.detour.incidents.incident.Resolution;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.jobs.ConsentTimeouts;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.ports.IncidentThreads;
import dev.detour.incidents.ports.ThreadQuestions;
import dev.detour.incidents.ports.OutboxQueue;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.RecordingOutboxRule;
import dev.detour.incidents.testing.SeedConfigFactory;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.CODE_MIGRATION;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.LEGAL_REVIEW;
import static dev.detour.incidents.SeedCatalog.MEETING_SUMMARY;
import static dev.detour.incidents.SeedCatalog.OPENAI;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What persistence must do, whichever database is underneath. Subclasses pick the database; the tests in one
 * class share it, so each test brings the state it needs and asserts only on what it did.
 */
abstract class PersistenceContract implements TestPropertyProvider {
    private static final Actor ALICE = Actor.user("U0ALICE");

    @Inject IncidentService incidents;
    @Inject AvailabilityService availability;
    @Inject RouteService routes;
    @Inject StatusService status;
    @Inject AuditTrail audit;
    @Inject OutboxRepository outbox;
    @Value("${datasources.default.url}") String databaseUrl;
    @Value("${datasources.default.username}") String databaseUser;
    @Value("${datasources.default.password}") String databasePassword;
    @Inject MovableClock clock;
    @Inject RecordingOutboxRule outboxRule;
    @Inject InboundEvents inbound;
    @Inject IncidentThreads threads;
    @Inject ThreadQuestions questions;
    @Inject OutboxQueue deliveries;
    @Inject ConsentTimeouts consentTimeouts;
    @Inject TransactionOperations<Connection> transactions;

    /** The datasource properties of the database under test. */
    protected abstract Map<String, Object> database();

    @Override
    public Map<String, String> getProperties() {
        return SeedConfigFactory.properties(database());
    }

    @org.junit.jupiter.api.AfterEach
    void resolveWhatTheTestLeftOpen() {
        incidents.openIncidents().forEach(incident -> incidents.resolve(incident.id(), ALICE, "test over"));
    }

    @BeforeEach
    void everythingAvailableAndTimeMoves() {
        availability.set(List.of(Target.provider(ANTHROPIC), Target.provider(OPENAI), Target.model(OPUS_48),
                Target.model(OPUS_47), Target.model(GPT_5)), true, Actor.system("test"), Optional.empty(),
                Optional.empty());
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void incidentNumbersIncreaseAndAReopenedIncidentGetsANewNumber() {
        Incident first = opened(incidents.open(IncidentKind.OUTAGE, "first", List.of(Target.model(GPT_5)), ALICE));
        Incident second = opened(incidents.open(IncidentKind.DEGRADATION, "second", List.of(Target.model(OPUS_48)),
                ALICE));
        assertTrue(second.id().number() > first.id().number());

        opened(incidents.resolve(first.id(), ALICE, "false alarm"));
        Incident successor = opened(incidents.reopen(first.id(), ALICE, "errors are back"));

        assertTrue(successor.id().number() > second.id().number());
        assertEquals(Optional.of(first.id()), successor.reopenedFrom());
        assertEquals(IncidentState.RESOLVED, incidents.find(first.id()).orElseThrow().state());
        assertEquals(IncidentState.INVESTIGATING, incidents.find(successor.id()).orElseThrow().state());
        incidents.resolve(second.id(), ALICE, "");
        incidents.resolve(successor.id(), ALICE, "");
    }

    /** Repeated: the race it guards against (a joiner deciding on a stale list) showed about once in 75 runs. */
    @RepeatedTest(30)
    void concurrentSignalsAndCommandsAboutOneProviderOpenOneIncident() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<IncidentId> ids = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> work = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Target target = i % 2 == 0 ? Target.model(GPT_5) : Target.provider(OPENAI);
                work.add(pool.submit(() -> ids.add(opened(incidents.openOrJoin(IncidentKind.OUTAGE, "race",
                        List.of(target), ALICE)).id())));
            }
            for (Future<?> future : work) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ids.size(), "every opener joined the first one's incident");
        assertEquals(1, incidents.openIncidents().size());
    }

    @Test
    void openingASecondIncidentAboutAProviderIsRefusedNamingTheFirst() {
        Incident first = opened(incidents.open(IncidentKind.OUTAGE, "first", List.of(Target.model(GPT_5)), ALICE));

        var refused = assertInstanceOf(IncidentChange.Rejected.class,
                incidents.open(IncidentKind.OUTAGE, "second", List.of(Target.provider(OPENAI)), ALICE));
        assertEquals(new Refusal.ProviderAlreadyInIncident(first.id(), OPENAI), refused.refusal());
        Incident joined = opened(incidents.openOrJoin(IncidentKind.OUTAGE, "second", List.of(Target.provider(OPENAI)),
                ALICE));
        assertEquals(first.id(), joined.id());
        assertTrue(joined.affected().contains(Target.provider(OPENAI)));
    }

    @Test
    void theDatabaseItselfRefusesASecondOpenIncidentForAProvider() throws SQLException {
        Incident resolved = opened(incidents.open(IncidentKind.OUTAGE, "", List.of(Target.model(OPUS_48)), ALICE));
        incidents.resolve(resolved.id(), ALICE, "");
        opened(incidents.open(IncidentKind.OUTAGE, "", List.of(Target.model(OPUS_47)), ALICE));

        try (Connection connection = connectAsAnOperatorWould(); Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "INSERT INTO open_incident_provider (provider_id, incident_id) VALUES ('anthropic', "
                            + resolved.id().number() + ")"));
        }
    }

    @Test
    void anIncidentKeepsEveryStepOnItsTimelineAndInTheAuditTrail() {
        Incident incident = opened(incidents.open(IncidentKind.OUTAGE, "GPT-5 errors", List.of(Target.model(GPT_5)),
                ALICE));
        incidents.acknowledge(incident.id(), Actor.user("U0BOB"));
        incidents.changeState(incident.id(), IncidentState.IDENTIFIED, ALICE);
        incidents.postUpdate(incident.id(), UpdateText.forCustomers("provider confirmed elevated errors"), ALICE);
        incidents.changeState(incident.id(), IncidentState.MONITORING, ALICE);
        incidents.resolve(incident.id(), ALICE, "provider recovered");

        List<TimelineEntry.Type> types = incidents.timeline(incident.id()).stream().map(TimelineEntry::type).toList();
        assertEquals(List.of(TimelineEntry.Type.OPENED, TimelineEntry.Type.ACKNOWLEDGED,
                TimelineEntry.Type.STATE_CHANGED, TimelineEntry.Type.UPDATE, TimelineEntry.Type.STATE_CHANGED,
                TimelineEntry.Type.RESOLVED), types);
        Incident resolved = incidents.find(incident.id()).orElseThrow();
        assertEquals(Optional.of(Actor.user("U0BOB")), resolved.acknowledgedBy());
        assertTrue(resolved.resolvedAt().isPresent());

        List<AuditRecord> trail = records(AuditQuery.everything().forIncident(incident.id()));
        assertEquals(List.of("incident.opened", "incident.acknowledged", "incident.state-changed",
                "incident.update", "incident.state-changed", "incident.resolved"),
                trail.stream().map(record -> record.action().text()).toList());
        assertEquals(AuditSubject.incident(incident.id()), trail.get(0).subject());
        assertEquals(Optional.of("monitoring"), trail.get(5).before());
        assertEquals(Optional.of("resolved"), trail.get(5).after());
        assertTrue(trail.get(5).reason().orElseThrow().contains("provider recovered"));
    }

    @Test
    void aTitleAndAKindSetByOnCallAreKeptAuditedAndOnTheTimeline() {
        Incident incident = opened(incidents.open(IncidentKind.OUTAGE, "", List.of(Target.model(GPT_5)), ALICE));

        incidents.retitle(incident.id(), "GPT-5 answers slowly", ALICE);
        incidents.setKind(incident.id(), IncidentKind.DEGRADATION, ALICE);

        Incident stored = incidents.find(incident.id()).orElseThrow();
        assertEquals("GPT-5 answers slowly", stored.title());
        assertEquals(IncidentKind.DEGRADATION, stored.kind());
        assertTrue(stored.kindSet(), "the kind is kept as set by on-call");
        assertFalse(opened(incidents.open(IncidentKind.OUTAGE, "", List.of(Target.model(OPUS_48)), ALICE)).kindSet(),
                "a kind nobody set follows what users notice");
        assertEquals(List.of(new TimelineDetail.TitleSet("", "GPT-5 answers slowly"),
                        new TimelineDetail.KindSet(IncidentKind.OUTAGE, IncidentKind.DEGRADATION)),
                incidents.timeline(incident.id()).stream().map(TimelineEntry::detail).skip(1).toList());
        List<AuditRecord> trail = records(AuditQuery.everything().forIncident(incident.id()));
        assertEquals(List.of("incident.opened", "incident.title-set", "incident.kind-set"),
                trail.stream().map(record -> record.action().text()).toList());
        assertEquals(Optional.of("GPT-5 answers slowly"), trail.get(1).reason());
        assertEquals(Optional.of("outage"), trail.get(2).before());
        assertEquals(Optional.of("degradation"), trail.get(2).after());
    }

    @Test
    void anEmptyTitleAndAnUnknownIncidentAreRefusedAndWriteNothing() {
        Incident incident = opened(incidents.open(IncidentKind.OUTAGE, "", List.of(Target.model(GPT_5)), ALICE));

        assertEquals(new IncidentChange.Rejected(new Refusal.TitleNeedsText()),
                incidents.retitle(incident.id(), "  ", ALICE));
        assertEquals(new IncidentChange.Rejected(new Refusal.NoSuchIncident(new IncidentId(999_999))),
                incidents.setKind(new IncidentId(999_999), IncidentKind.OUTAGE, ALICE));

        assertEquals(1, incidents.timeline(incident.id()).size());
        assertEquals("", incidents.find(incident.id()).orElseThrow().title());
    }

    @Test
    void aResolutionWithCauseAndFollowUpsIsKeptOnTheTimeline() {
        Incident incident = opened(incidents.open(IncidentKind.OUTAGE, "", List.of(Target.model(GPT_5)), ALICE));
        FollowUp followUp = new FollowUp("Add a second provider", Optional.of("<@U0BOB>"),
                Optional.of(LocalDate.parse("2026-06-20")));

        IncidentChange change = incidents.resolve(incident.id(), ALICE,
                new Resolution("provider recovered", "capacity at the provider", List.of(followUp)));

        assertTrue(change instanceof IncidentChange.Applied, change.toString());
        TimelineDetail.Resolved resolved = incidents.timeline(incident.id()).stream().map(TimelineEntry::detail)
                .filter(TimelineDetail.Resolved.class::isInstance).map(TimelineDetail.Resolved.class::cast)
                .findFirst().orElseThrow();
        assertEquals("capacity at the provider", resolved.cause());
        assertEquals(List.of(followUp), resolved.followUps());
    }

    @Test
    void aRefusedChangeWritesNothing() {
        Incident incident = opened(incidents.open(IncidentKind.OUTAGE, "", List.of(Target.model(GPT_5)), ALICE));
        incidents.resolve(incident.id(), ALICE, "");
        int auditBefore = records(AuditQuery.everything().forIncident(incident.id())).size();
        long outboxBefore = outbox.countByStatus("pending");

        IncidentChange refused = incidents.changeState(incident.id(), IncidentState.MONITORING, ALICE);

        assertInstanceOf(IncidentChange.Rejected.class, refused);
        assertEquals(auditBefore, records(AuditQuery.everything().forIncident(incident.id())).size());
        assertEquals(outboxBefore, outbox.countByStatus("pending"));
        assertEquals(IncidentState.RESOLVED, incidents.find(incident.id()).orElseThrow().state());
    }

    @Test
    void aChangeItsAuditRecordsAndItsOutboxRowsCommitOrRollBackTogether() {
        List<Incident> before = incidents.latest(1);
        long outboxBefore = outbox.countByStatus("pending");
        int auditBefore = records(AuditQuery.everything()).size();

        outboxRule.failOnNextEvent();
        assertThrows(IllegalStateException.class,
                () -> incidents.open(IncidentKind.OUTAGE, "doomed", List.of(Target.model(GPT_5)), ALICE));

        assertEquals(before, incidents.latest(1));
        assertEquals(outboxBefore, outbox.countByStatus("pending"));
        assertEquals(auditBefore, records(AuditQuery.everything()).size());

        Incident incident = opened(incidents.open(IncidentKind.OUTAGE, "kept", List.of(Target.model(GPT_5)), ALICE));
        assertEquals(outboxBefore + 1, outbox.countByStatus("pending"));
        assertEquals(1, records(AuditQuery.everything().forIncident(incident.id())).size());
        incidents.resolve(incident.id(), ALICE, "");
    }

    @Test
    void theSeedIncidentMovesEachTaskClassTheWayItsPolicySays() {
        RoutingOutcome disabled = availability.disable(List.of(Target.model(OPUS_48), Target.model(OPUS_47)), ALICE,
                Optional.of("elevated 529s"));

        RoutingOutcome.Applied applied = assertInstanceOf(RoutingOutcome.Applied.class, disabled);
        Incident incident = applied.incident().orElseThrow();
        assertTrue(incident.affected().containsAll(List.of(Target.model(OPUS_48), Target.model(OPUS_47))));
        assertRoute(MEETING_SUMMARY, RouteState.FALLBACK, Optional.of(GPT_5));
        assertRoute(CODE_MIGRATION, RouteState.AWAITING_CONSENT, Optional.empty());
        assertRoute(LEGAL_REVIEW, RouteState.STOPPED, Optional.empty());

        AuditRecord switchedOff = last(AuditQuery.everything().forSubject("model:" + OPUS_48));
        assertEquals(ALICE, switchedOff.actor());
        assertEquals(Optional.of("available"), switchedOff.before());
        assertEquals(Optional.of("unavailable"), switchedOff.after());
        assertEquals(Optional.of("elevated 529s"), switchedOff.reason());
        assertEquals(Optional.of(incident.id()), switchedOff.incident());
        AuditRecord movedOn = last(AuditQuery.everything().forSubject("task-class:" + MEETING_SUMMARY));
        assertEquals(Actor.policy("failover:auto"), movedOn.actor());
        assertEquals(Optional.of("fallback gpt-5"), movedOn.after());

        clock.advance(Duration.ofMinutes(3));
        assertInstanceOf(RoutingOutcome.Applied.class,
                routes.answerConsent(CODE_MIGRATION, ConsentAnswer.APPROVE, ALICE));
        assertRoute(CODE_MIGRATION, RouteState.FALLBACK, Optional.of(GPT_5));
        assertEquals(ALICE, last(AuditQuery.everything().forSubject("task-class:" + CODE_MIGRATION)).actor());

        clock.advance(Duration.ofHours(5));
        availability.enable(List.of(Target.model(OPUS_48), Target.model(OPUS_47)), ALICE, Optional.of("recovered"));
        assertRoute(MEETING_SUMMARY, RouteState.PRIMARY, Optional.of(OPUS_48));
        assertRoute(CODE_MIGRATION, RouteState.PRIMARY, Optional.of(OPUS_47));
        assertRoute(LEGAL_REVIEW, RouteState.PRIMARY, Optional.of(OPUS_48));

        // The approval covered that disruption only: the next one asks again.
        availability.disable(List.of(Target.model(OPUS_47)), ALICE, Optional.of("again"));
        assertRoute(CODE_MIGRATION, RouteState.AWAITING_CONSENT, Optional.empty());

        List<TimelineEntry.Type> timeline = incidents.timeline(incident.id()).stream().map(TimelineEntry::type)
                .toList();
        assertTrue(timeline.contains(TimelineEntry.Type.AVAILABILITY_CHANGED));
        assertTrue(timeline.contains(TimelineEntry.Type.ROUTE_CHANGED));
        incidents.resolve(incident.id(), ALICE, "");
    }

    @Test
    void disablingAProviderMakesItsModelsUnusableWhileTheyStayOnThemselves() {
        availability.disable(List.of(Target.provider(ANTHROPIC)), ALICE, Optional.of("status page: major outage"));

        DetourStatus now = status.current();
        DetourStatus.ModelStatus opus = now.models().stream().filter(model -> model.id().equals(OPUS_48))
                .findFirst().orElseThrow();
        assertTrue(opus.available());
        assertFalse(opus.usable());
        assertFalse(now.providers().get(0).available());
        assertTrue(now.providers().get(0).since().isPresent());
        assertRoute(LEGAL_REVIEW, RouteState.STOPPED, Optional.empty());
        incidents.openIncidentCovering(Target.provider(ANTHROPIC))
                .ifPresent(incident -> incidents.resolve(incident.id(), ALICE, ""));
    }

    @Test
    void anOverridePinsATaskClassUntilItIsReleased() {
        RoutingOutcome pinned = routes.override(LEGAL_REVIEW, Optional.of(new RouteOverride.Pin(GPT_5)), ALICE,
                Optional.of("legal approved GPT-5 for today"));
        assertInstanceOf(RoutingOutcome.Applied.class, pinned);
        assertRoute(LEGAL_REVIEW, RouteState.FALLBACK, Optional.of(GPT_5));
        AuditRecord override = records(AuditQuery.everything().forSubject("task-class:" + LEGAL_REVIEW)).stream()
                .filter(record -> record.action().equals(AuditAction.ROUTE_OVERRIDE)).reduce((a, b) -> b).orElseThrow();
        assertEquals(Optional.of("pin gpt-5"), override.after());

        assertInstanceOf(RoutingOutcome.Applied.class, routes.override(LEGAL_REVIEW, Optional.empty(), ALICE,
                Optional.empty()));
        assertRoute(LEGAL_REVIEW, RouteState.PRIMARY, Optional.of(OPUS_48));
        assertInstanceOf(RoutingOutcome.Rejected.class, routes.override(LEGAL_REVIEW, Optional.empty(), ALICE,
                Optional.empty()));
    }

    @Test
    void unknownTargetsAndQuestionsThatWereNeverAskedAreRefused() {
        assertInstanceOf(RoutingOutcome.Rejected.class, availability.disable(
                List.of(Target.model(ModelId.of("claude-opus-4-9"))), ALICE, Optional.empty()));
        assertInstanceOf(RoutingOutcome.Rejected.class,
                routes.answerConsent(CODE_MIGRATION, ConsentAnswer.APPROVE, ALICE));
        int auditBefore = records(AuditQuery.everything()).size();
        assertInstanceOf(RoutingOutcome.Rejected.class, availability.disable(List.of(Target.model(GPT_5)), ALICE,
                Optional.of("z".repeat(3001))));
        assertEquals(auditBefore, records(AuditQuery.everything()).size(), "a refused change writes nothing");
        assertInstanceOf(RoutingOutcome.Rejected.class,
                routes.override(TaskClassId.of("poetry"), Optional.of(new RouteOverride.Stop()), ALICE,
                        Optional.empty()));
    }

    @Test
    void theLongestTextsPeopleMayGiveAreStoredWhole() {
        String longest = "w".repeat(3000);
        Incident incident = opened(incidents.open(IncidentKind.OUTAGE, "t".repeat(200), List.of(Target.model(GPT_5)),
                ALICE));
        opened(incidents.postUpdate(incident.id(), new UpdateText(longest, longest), ALICE));
        assertInstanceOf(RoutingOutcome.Applied.class,
                availability.set(List.of(Target.model(GPT_5)), false, ALICE, Optional.of(longest),
                        Optional.of(incident.id())));
        opened(incidents.resolve(incident.id(), ALICE, longest));

        assertEquals(longest, records(AuditQuery.everything().forSubject("model:" + GPT_5)).stream()
                .map(record -> record.reason().orElse("")).reduce((a, b) -> b).orElseThrow());
        assertTrue(incidents.timeline(incident.id()).stream().anyMatch(entry -> entry.detail().equals(
                new TimelineDetail.Update(longest, longest))));
        assertTrue(incidents.timeline(incident.id()).stream().anyMatch(entry -> entry.detail().equals(
                new TimelineDetail.Resolved(IncidentState.INVESTIGATING, longest))));
    }

    @Test
    void everyKindOfTimelineDetailIsStoredAndReadBackWhole() {
        Incident incident = opened(incidents.open(IncidentKind.OUTAGE, "", List.of(Target.model(GPT_5)), ALICE));
        String hostile = "quote \" backslash \\ newline \n tab \t nul \u0000 emoji 🚨 <@U0ALICE> *bold*";
        List<TimelineDetail> details = List.of(
                new TimelineDetail.Opened(IncidentKind.MODEL_CHANGE, List.of(Target.provider(ANTHROPIC),
                        Target.model(GPT_5)), hostile),
                new TimelineDetail.Reopened(new IncidentId(41), hostile),
                new TimelineDetail.Acknowledged(),
                new TimelineDetail.StateChanged(IncidentState.IDENTIFIED, IncidentState.MONITORING),
                new TimelineDetail.TitleSet("", hostile),
                new TimelineDetail.TitleSet(hostile, "Opus answers slowly"),
                new TimelineDetail.KindSet(IncidentKind.OUTAGE, IncidentKind.ROUTING_CHANGE),
                new TimelineDetail.Resolved(IncidentState.MONITORING, ""),
                new TimelineDetail.Resolved(IncidentState.IDENTIFIED, hostile, hostile, List.of(
                        new dev.detour.incidents.incident.FollowUp(hostile, Optional.of("<@U0BOB>"),
                                Optional.of(java.time.LocalDate.of(2026, 6, 20))),
                        new dev.detour.incidents.incident.FollowUp("canary", Optional.empty(), Optional.empty()))),
                new TimelineDetail.TargetsAdded(List.of(Target.model(OPUS_47), Target.model(OPUS_48))),
                new TimelineDetail.Update(hostile, hostile),
                new TimelineDetail.Update("", hostile),
                new TimelineDetail.AvailabilityChanged(Target.model(GPT_5), false, Optional.of(hostile)),
                new TimelineDetail.AvailabilityChanged(Target.provider(OPENAI), true, Optional.empty()),
                new TimelineDetail.RouteChanged(new Route(MEETING_SUMMARY, RouteState.FALLBACK, Optional.of(GPT_5),
                        Optional.empty(), RouteCause.AUTO_FAILOVER)),
                new TimelineDetail.RouteChanged(new Route(CODE_MIGRATION, RouteState.AWAITING_CONSENT,
                        Optional.empty(), Optional.of(GPT_5), RouteCause.CONSENT_PENDING)),
                new TimelineDetail.Signalled("statuspage:anthropic", true, List.of(Target.model(OPUS_48)),
                        new SignalEvidence.Alert(hostile, hostile), TimelineDetail.Signalled.Side.OUR_SIDE),
                new TimelineDetail.Signalled("gateway", false, List.of(Target.model(OPUS_48)),
                        new SignalEvidence.GatewayRecovered(new SignalEvidence.GatewayNumbers(0.004, 1, 310,
                                Duration.ofSeconds(60), 1, 812), Duration.ofMinutes(5)),
                        TimelineDetail.Signalled.Side.CAPACITY),
                new TimelineDetail.Signalled("statuspage:anthropic", true, List.of(Target.model(OPUS_48)),
                        new SignalEvidence.ProviderComponent(ANTHROPIC, hostile, "major_outage"),
                        TimelineDetail.Signalled.Side.PROVIDER),
                new TimelineDetail.StatusPageIncident("Elevated errors", "major", "investigating", hostile),
                new TimelineDetail.ScopeChosen(List.of(Target.provider(ANTHROPIC)),
                        List.of(Target.model(OPUS_48), Target.model(OPUS_47)), true),
                new TimelineDetail.ScopeChosen(List.of(Target.provider(ANTHROPIC)), List.of(), false),
                new TimelineDetail.ApprovalStep(TimelineDetail.ApprovalStep.Step.EMERGENCY_APPLIED,
                        List.of(Target.provider(ANTHROPIC))),
                new TimelineDetail.AsWritten(TimelineEntry.Type.SIGNAL, hostile));
        assertEquals(Set.of(TimelineDetail.class.getPermittedSubclasses()),
                details.stream().map(Object::getClass).collect(Collectors.toSet()), "one of each kind");
        Instant at = clock.instant();
        transactions.executeWrite(status -> {
            details.forEach(detail -> incidents.note(incident.id(), new TimelineEntry(at, ALICE, detail)));
            return null;
        });

        List<TimelineDetail> read = incidents.timeline(incident.id()).stream().map(TimelineEntry::detail).toList();

        assertEquals(details, read.subList(1, read.size()));
    }

    @Test
    void timelineRowsWrittenByTheReleaseBeforeDetailsStillReadAsTheyDid() throws SQLException {
        Incident incident = opened(incidents.open(IncidentKind.OUTAGE, "", List.of(Target.model(GPT_5)), ALICE));
        String[][] rows = {
                {"OPENED", "outage affecting provider anthropic, model claude-opus-4-8: Opus: 529s"},
                {"OPENED", "degradation affecting model gpt-5"},
                {"OPENED", "an opening from before openings named their targets"},
                {"TARGETS_ADDED", "provider openai, model gpt-5"},
                {"ACKNOWLEDGED", "acknowledged"},
                {"STATE_CHANGED", "investigating -> identified"},
                {"UPDATE", "provider confirmed: 529s"},
                {"AVAILABILITY_CHANGED", "model gpt-5 unavailable: 529s"},
                {"ROUTE_CHANGED", "meeting-summary: fallback gpt-5"},
                {"SIGNAL", "gateway reports gpt-5: error rate 41% (our side: our credential or account, not the provider)"},
                {"RESOLVED", "monitoring -> resolved: fixed"}};
        try (Connection connection = connectAsAnOperatorWould();
             var insert = connection.prepareStatement("INSERT INTO timeline_entry (incident_id, occurred_at, actor,"
                     + " entry_type, body) VALUES (?, ?, 'user:U0ALICE', ?, ?)")) {
            for (String[] row : rows) {
                insert.setLong(1, incident.id().number());
                insert.setObject(2, java.time.OffsetDateTime.parse("2026-06-07T07:10:00Z"));
                insert.setString(3, row[0]);
                insert.setString(4, row[1]);
                insert.executeUpdate();
            }
        }

        List<TimelineDetail> read = incidents.timeline(incident.id()).stream().map(TimelineEntry::detail).toList();

        assertEquals(List.of(
                new TimelineDetail.Opened(IncidentKind.OUTAGE, List.of(Target.provider(ANTHROPIC),
                        Target.model(OPUS_48)), "Opus: 529s"),
                new TimelineDetail.Opened(IncidentKind.DEGRADATION, List.of(Target.model(GPT_5)), ""),
                new TimelineDetail.AsWritten(TimelineEntry.Type.OPENED,
                        "an opening from before openings named their targets"),
                new TimelineDetail.TargetsAdded(List.of(Target.provider(OPENAI), Target.model(GPT_5))),
                new TimelineDetail.Acknowledged(),
                new TimelineDetail.AsWritten(TimelineEntry.Type.STATE_CHANGED, "investigating -> identified"),
                new TimelineDetail.Update("", "provider confirmed: 529s"),
                new TimelineDetail.AsWritten(TimelineEntry.Type.AVAILABILITY_CHANGED, "model gpt-5 unavailable: 529s"),
                new TimelineDetail.AsWritten(TimelineEntry.Type.ROUTE_CHANGED, "meeting-summary: fallback gpt-5"),
                new TimelineDetail.AsWritten(TimelineEntry.Type.SIGNAL, rows[9][1]),
                new TimelineDetail.AsWritten(TimelineEntry.Type.RESOLVED, "monitoring -> resolved: fixed")),
                read.subList(1, read.size()));
    }

    @Test
    void everyKindOfSignalEvidenceIsStoredAndReadBackWhole() {
        Incident incident = opened(incidents.open(IncidentKind.OUTAGE, "", List.of(Target.model(GPT_5)), ALICE));
        SignalEvidence.GatewayNumbers numbers = new SignalEvidence.GatewayNumbers(0.3, 12, 40, Duration.ofSeconds(60),
                2, 2559);
        List<SignalEvidence> evidence = List.of(new SignalEvidence.GatewayErrors(numbers, true),
                new SignalEvidence.GatewayRecovered(numbers, Duration.ofMinutes(5)),
                new SignalEvidence.OurSideRefused(0.9, 40), new SignalEvidence.OurSideAccepted(),
                new SignalEvidence.ProviderComponent(ANTHROPIC, "Claude API", "partial_outage"),
                new SignalEvidence.ProviderIncident("Elevated errors", "major", "investigating", "Looking."),
                new SignalEvidence.Alert("HighErrorRate", "gpt-5 error rate above 20%"),
                new SignalEvidence.AsWritten("a line of an earlier release"));
        assertEquals(Set.of(SignalEvidence.class.getPermittedSubclasses()),
                evidence.stream().map(Object::getClass).collect(Collectors.toSet()), "one of each kind");
        List<TimelineDetail> details = evidence.stream().map(seen -> (TimelineDetail) new TimelineDetail.Signalled(
                "gateway", true, List.of(Target.model(GPT_5)), seen, TimelineDetail.Signalled.Side.PROVIDER)).toList();
        Instant at = clock.instant();
        transactions.executeWrite(status -> {
            details.forEach(detail -> incidents.note(incident.id(), new TimelineEntry(at, ALICE, detail)));
            return null;
        });

        List<TimelineDetail> read = incidents.timeline(incident.id()).stream().map(TimelineEntry::detail).toList();

        assertEquals(details, read.subList(1, read.size()));
    }

    @Test
    void aSignalStoredWithItsEnglishSummaryBeforeTypedEvidenceShowsThatSummaryAsWritten() throws SQLException {
        Incident incident = opened(incidents.open(IncidentKind.OUTAGE, "", List.of(Target.model(GPT_5)), ALICE));
        // As the release before typed evidence wrote it (TimelineDetailJson with a "summary" field).
        String earlier = "{\"kind\":\"signal\",\"source\":\"gateway\",\"firing\":true,\"summary\":\"error rate"
                + " 30% (12 of 40 requests in 60s; 0 rate-limited), p95 2559 ms\",\"side\":\"our-side\","
                + "\"targets\":[{\"kind\":\"model\",\"id\":\"gpt-5\"}]}";
        try (Connection connection = connectAsAnOperatorWould();
             var insert = connection.prepareStatement("INSERT INTO timeline_entry (incident_id, occurred_at, actor,"
                     + " entry_type, body, detail) VALUES (?, CURRENT_TIMESTAMP, 'signal:gateway', 'SIGNAL', '', ?)")) {
            insert.setLong(1, incident.id().number());
            insert.setString(2, earlier);
            insert.executeUpdate();
        }

        List<TimelineEntry> read = incidents.timeline(incident.id());

        assertEquals(new TimelineDetail.Signalled("gateway", true, List.of(Target.model(GPT_5)),
                new SignalEvidence.AsWritten("error rate 30% (12 of 40 requests in 60s; 0 rate-limited), p95 2559 ms"),
                TimelineDetail.Signalled.Side.OUR_SIDE), read.get(read.size() - 1).detail());
    }

    @Test
    void aTimelineDetailThisReleaseCannotReadShowsAsItsKindOfEntry() throws SQLException {
        Incident incident = opened(incidents.open(IncidentKind.OUTAGE, "", List.of(Target.model(GPT_5)), ALICE));
        try (Connection connection = connectAsAnOperatorWould(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO timeline_entry (incident_id, occurred_at, actor, entry_type, body,"
                    + " detail) VALUES (" + incident.id().number() + ", CURRENT_TIMESTAMP, 'user:U0ALICE', 'UPDATE',"
                    + " '', '{\"kind\":\"hologram\"}')");
        }

        List<TimelineEntry> read = incidents.timeline(incident.id());

        assertEquals(new TimelineDetail.AsWritten(TimelineEntry.Type.UPDATE, ""), read.get(read.size() - 1).detail());
    }

    @Test
    void auditSearchFiltersByTime() {
        Instant start = clock.advance(Duration.ofDays(30));
        Incident incident = opened(incidents.open(IncidentKind.OUTAGE, "", List.of(Target.model(GPT_5)), ALICE));
        clock.advance(Duration.ofHours(1));
        incidents.resolve(incident.id(), ALICE, "");

        List<AuditRecord> window = records(AuditQuery.everything().since(start)
                .until(Optional.of(start.plusSeconds(60))));
        assertEquals(List.of(AuditAction.incident(TimelineEntry.Type.OPENED)),
                window.stream().map(AuditRecord::action).toList());
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnAuditRecord() throws SQLException {
        incidents.open(IncidentKind.OUTAGE, "", List.of(Target.model(GPT_5)), ALICE);
        try (Connection connection = connectAsAnOperatorWould(); Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE audit_record SET reason = 'x'"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM audit_record"));
        }
        assertFalse(records(AuditQuery.everything()).isEmpty());
    }

    @Test
    void theDatabaseRefusesToTruncateTheAuditTrail() throws SQLException {
        incidents.open(IncidentKind.OUTAGE, "", List.of(Target.model(GPT_5)), ALICE);
        try (Connection connection = connectAsAnOperatorWould(); Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.execute("TRUNCATE TABLE audit_record"));
        }
        assertFalse(records(AuditQuery.everything()).isEmpty());
    }

    /** A plain JDBC connection, outside the application, as someone with SQL access would have. */
    protected Connection connectAsAnOperatorWould() throws SQLException {
        return DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
    }

    private void assertRoute(TaskClassId taskClass, RouteState state, Optional<ModelId> serving) {
        DetourStatus.TaskClassStatus found = status.current().taskClasses().stream()
                .filter(status -> status.id().equals(taskClass)).findFirst().orElseThrow();
        assertEquals(state, found.current().state(), taskClass + " state");
        assertEquals(serving, found.current().serving(), taskClass + " serving model");
        assertTrue(found.since().isPresent(), taskClass + " since");
    }

    private List<AuditRecord> records(AuditQuery query) {
        return audit.search(query).stream().map(StoredAuditRecord::record).toList();
    }

    private AuditRecord last(AuditQuery query) {
        List<AuditRecord> found = records(query);
        assertFalse(found.isEmpty(), "no audit record for " + query);
        return found.get(found.size() - 1);
    }

    private static Incident opened(IncidentChange change) {
        return assertInstanceOf(IncidentChange.Applied.class, change, change::toString).incident();
    }

    @Test
    void aDeliveryFromOutsideIsHandledOnceEvenWhenItArrivesTwiceAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> attempts = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(pool.submit(() -> inbound.firstTime("slack", "Ev0SAME")));
            }
            long first = 0;
            for (Future<Boolean> attempt : attempts) {
                first += attempt.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, first);
            assertTrue(inbound.firstTime("statuspage", "Ev0SAME"), "sources do not share ids");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeliveryWhoseIdIsLongerThanAnyColumnIsHandledOnce() {
        String fingerprintlessAlert = "{alertname=\"LLMErrors\",route=\"" + "/v1/messages".repeat(400) + "\"}";
        String sameStart = fingerprintlessAlert.substring(0, 1000);

        assertTrue(inbound.firstTime("alertmanager", fingerprintlessAlert));
        assertFalse(inbound.firstTime("alertmanager", fingerprintlessAlert));
        assertTrue(inbound.firstTime("alertmanager", sameStart), "ids that only share a beginning are different");
    }

    @Test
    void anIncidentRemembersWhereItsSlackThreadIs() {
        Incident incident = opened(incidents.open(IncidentKind.OUTAGE, "thread", List.of(Target.model(GPT_5)),
                ALICE));
        assertTrue(threads.of(incident.id()).isEmpty());

        threads.remember(incident.id(), "C0INCIDENTS", "1760000000.000100");

        assertEquals(new IncidentThreads.Thread(incident.id(), "C0INCIDENTS", "1760000000.000100"),
                threads.of(incident.id()).orElseThrow());
    }

    @Test
    void aQuestionRemembersWhereItWasPostedAndHowItWasSettled() {
        Incident incident = opened(incidents.open(IncidentKind.OUTAGE, "questions", List.of(Target.model(GPT_5)),
                ALICE));
        Question consent = Question.consent(incident.id(), CODE_MIGRATION);
        Question switchOff = Question.switchOff(incident.id(), Target.model(GPT_5));
        Instant at = clock.instant();
        questions.asked(consent, "C0INCIDENTS", "1760000000.000200", "Move it?", Optional.of(GPT_5), at);
        questions.asked(switchOff, "C0INCIDENTS", "1760000000.000300", "gateway reports GPT-5", Optional.empty(), at);

        ThreadQuestions.Asked asked = questions.find(consent).orElseThrow();
        assertTrue(asked.open());
        assertEquals(Optional.of(GPT_5), asked.offered());
        assertEquals(List.of(switchOff), questions.onMessage(incident.id(), "1760000000.000300").stream()
                .map(ThreadQuestions.Asked::question).toList());

        QuestionSettlement approved = new QuestionSettlement(QuestionSettlement.Outcome.APPROVED, ALICE, at);
        questions.settle(consent, approved, true);
        assertEquals(Optional.of(approved), questions.find(consent).orElseThrow().settlement());
        assertEquals(Optional.of(approved), questions.latestConsent(CODE_MIGRATION).orElseThrow()
                .settlement());
        assertEquals(List.of(switchOff), questions.notClosed(incident.id()).stream()
                .map(ThreadQuestions.Asked::question).toList());

        questions.close(switchOff);
        assertTrue(questions.notClosed(incident.id()).isEmpty());
        questions.asked(switchOff, "C0INCIDENTS", "1760000000.000400", "gateway again", Optional.empty(), at);
        assertTrue(questions.find(switchOff).orElseThrow().open(), "asked again: open afresh on its new message");
    }

    @Test
    void theOutboxKeepsOneRowPerKeyAndHandsOutWhatIsDueByTopicInOrder() {
        Instant now = clock.instant();
        assertEquals(1, outbox.insertIfAbsent(now, "contract.a", "contract", "batch",
                "here", "contract-key-1", "{}", null, "pending"));
        assertEquals(0, outbox.insertIfAbsent(now, "contract.a", "contract", "batch",
                "here", "contract-key-1", "{}", null, "pending"));
        assertEquals(1, outbox.insertIfAbsent(now, "contract.b", "contract", "batch",
                "here", "contract-key-2", "{}", null, "pending"));
        assertEquals(1, outbox.insertIfAbsent(now, "other.c", "contract", "batch",
                "here", "contract-key-3", "{}", null, "pending"));

        var due = deliveries.due("contract.", 10);
        assertEquals(List.of("contract-key-1", "contract-key-2"), due.stream().map(row -> row.idempotencyKey())
                .toList());

        deliveries.retry(due.get(0), now.plusSeconds(30), "ratelimited");
        deliveries.sent(due.get(1), List.of());
        assertTrue(deliveries.due("contract.", 10).isEmpty(), "a retried row waits; a sent one is done");
        clock.advance(Duration.ofSeconds(31));
        var again = deliveries.due("contract.", 10);
        assertEquals(1, again.size());
        assertEquals(1, again.get(0).attempts());
        assertEquals("ratelimited", again.get(0).lastError());
    }

    @Test
    void theBacklogOfTopicsCountsTheirUndeliveredRowsAndKnowsTheOldest() {
        assertEquals(new OutboxQueue.Backlog(0, Optional.empty()), deliveries.backlog("backlog."));
        outbox.insertIfAbsent(clock.instant(), "backlog.a", "contract", "batch",
                "here", "backlog-key-1", "{}", null, "pending");
        clock.advance(Duration.ofSeconds(5));
        outbox.insertIfAbsent(clock.instant(), "backlog.b", "contract", "batch",
                "here", "backlog-key-2", "{}", null, "pending");
        outbox.insertIfAbsent(clock.instant(), "other.backlog", "contract", "batch",
                "here", "backlog-key-3", "{}", null, "pending");
        var rows = deliveries.pending("backlog.", 10);

        assertEquals(new OutboxQueue.Backlog(2, Optional.of(rows.get(0).createdAt())),
                deliveries.backlog("backlog."));

        deliveries.sent(rows.get(0), List.of());
        deliveries.retry(rows.get(1), clock.instant().plusSeconds(60), "ratelimited");
        assertEquals(new OutboxQueue.Backlog(1, Optional.of(rows.get(1).createdAt())),
                deliveries.backlog("backlog."), "a row waiting for a retry still waits; a sent one is gone");
    }

    @Test
    void theLatestRowOfADestinationSaysWhatBecameOfIt() {
        assertEquals(Optional.empty(), deliveries.latest("latest.", "sink-a"));
        long incident = opened(incidents.open(IncidentKind.OUTAGE, "pushed", List.of(Target.model(GPT_5)), ALICE))
                .id().number();
        outbox.insertIfAbsent(clock.instant(), "latest.a", "contract", "batch", "sink-a", "latest-key-1", "{}", null,
                "pending");
        clock.advance(Duration.ofSeconds(5));
        outbox.insertIfAbsent(clock.instant(), "latest.a", "contract", "batch", "sink-a", "latest-key-2", "{}", incident,
                "pending");
        outbox.insertIfAbsent(clock.instant(), "latest.a", "contract", "batch", "sink-b", "latest-key-3", "{}", null,
                "pending");
        outbox.insertIfAbsent(clock.instant(), "other.a", "contract", "batch", "sink-a", "latest-key-4", "{}", null,
                "pending");
        var rows = deliveries.pending("latest.", 10);

        OutboxQueue.LastEntry waiting = deliveries.latest("latest.", "sink-a").orElseThrow();
        assertEquals("latest-key-2", waiting.idempotencyKey());
        assertEquals(OutboxQueue.LastEntry.State.PENDING, waiting.state());
        assertEquals(Optional.of(incident), waiting.incidentId());

        deliveries.failed(rows.get(1), "HTTP 400 Cannot edit config-based model", new AuditRecord(clock.instant(),
                ALICE, AuditAction.deliveryFailed("latest.a"), AuditSubject.sink("sink-a"), Optional.empty(),
                Optional.empty(), Optional.of("refused"), Optional.empty()));
        OutboxQueue.LastEntry failed = deliveries.latest("latest.", "sink-a").orElseThrow();
        assertEquals(OutboxQueue.LastEntry.State.FAILED, failed.state());
        assertEquals(Optional.of("HTTP 400 Cannot edit config-based model"), failed.lastError());

        deliveries.sent(rows.get(2), List.of());
        OutboxQueue.LastEntry sent = deliveries.latest("latest.", "sink-b").orElseThrow();
        assertEquals(OutboxQueue.LastEntry.State.SENT, sent.state());
        assertEquals(Optional.of(clock.instant()), sent.sentAt());
    }

    @Test
    void theOpenCountIsEveryIncidentNotYetResolved() {
        long before = incidents.openCount();
        assertEquals(incidents.openIncidents().size(), before);

        Incident opened = opened(incidents.open(IncidentKind.OUTAGE, "counted", List.of(Target.model(GPT_5)),
                ALICE));
        assertEquals(before + 1, incidents.openCount());

        incidents.resolve(opened.id(), ALICE, "");
        assertEquals(before, incidents.openCount());
    }

    @Test
    void anUnansweredFallbackQuestionTakesItsOnTimeoutAnswerAfterTheConsentTimeout() {
        RoutingOutcome.Applied disabled = assertInstanceOf(RoutingOutcome.Applied.class, availability.disable(
                List.of(Target.model(OPUS_47)), ALICE, Optional.of("timeout test")));
        assertEquals(RouteState.AWAITING_CONSENT, routeOf(CODE_MIGRATION).state());

        clock.advance(Duration.ofMinutes(14));
        consentTimeouts.check();
        assertEquals(RouteState.AWAITING_CONSENT, routeOf(CODE_MIGRATION).state(), "15 minutes are not up yet");

        clock.advance(Duration.ofMinutes(2));
        consentTimeouts.check();
        assertEquals(RouteState.STOPPED, routeOf(CODE_MIGRATION).state(), "on-timeout: deny");
        assertEquals(dev.detour.incidents.routing.RouteCause.CONSENT_TIMEOUT_DENIED, routeOf(CODE_MIGRATION).cause());
        var records = audit.search(AuditQuery.everything().forSubject("task-class:" + CODE_MIGRATION));
        assertTrue(records.stream().anyMatch(stored -> stored.record().action().equals(AuditAction.CONSENT_ANSWERED)
                && stored.record().actor().equals(ConsentTimeouts.POLICY)), records::toString);
        assertTrue(disabled.incident().isPresent());
    }

    private dev.detour.incidents.routing.Route routeOf(TaskClassId taskClass) {
        return status.current().taskClasses().stream().filter(t -> t.id().equals(taskClass)).findFirst()
                .orElseThrow().current();
    }
}
