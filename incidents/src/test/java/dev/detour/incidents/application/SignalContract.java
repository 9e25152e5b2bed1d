package dev.detour.incidents.application;

import dev.detour.incidents.signals.SignalEvidence;
import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.Transition;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.RecordingOutboxRule;
import dev.detour.incidents.testing.SeedConfigFactory;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPENAI;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What signals do to incidents and availability, on each database. Anthropic leaves decisions to people
 * (the seed's auto-disable: false); OpenAI acts by itself (auto-disable and auto-enable: true).
 */
abstract class SignalContract implements TestPropertyProvider {
    @Inject SignalService signals;
    @Inject IncidentService incidents;
    @Inject AvailabilityService availability;
    @Inject StatusService status;
    @Inject AuditTrail audit;
    @Inject MovableClock clock;
    @Inject RecordingOutboxRule outboxRule;

    protected abstract Map<String, Object> database();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SeedConfigFactory.properties(database());
        properties.put(SeedConfigFactory.AUTOMATIC_PROVIDER, "openai");
        return properties;
    }

    @BeforeEach
    void nothingOpenAndEverythingOn() {
        incidents.openIncidents().forEach(incident -> incidents.resolve(incident.id(), Actor.system("test"), ""));
        availability.set(List.of(Target.provider(ANTHROPIC), Target.provider(OPENAI), Target.model(OPUS_48),
                Target.model(OPUS_47), Target.model(GPT_5)), true, Actor.system("test"), Optional.empty(),
                Optional.empty());
        clock.advance(Duration.ofMinutes(1));
    }

    private static final SignalEvidence ERRORS = new SignalEvidence.GatewayErrors(
            new SignalEvidence.GatewayNumbers(0.41, 131, 320, Duration.ofSeconds(60), 0, 900), false);

    private Signal signal(String source, Target target, boolean firing, Signal.Side side) {
        return new Signal(source, List.of(target), firing, Signal.Severity.DEGRADED, side, ERRORS, clock.instant());
    }

    private boolean available(Target target) {
        return target.fold(p -> status.current().providers().stream().filter(s -> s.id().equals(p)).findFirst()
                        .orElseThrow().available(),
                m -> status.current().models().stream().filter(s -> s.id().equals(m)).findFirst().orElseThrow()
                        .available());
    }

    @Test
    void signalsAboutTwoModelsOfOneProviderAreOneIncident() {
        IncidentId first = signals.receive(signal("gateway", Target.model(OPUS_48), true, Signal.Side.PROVIDER))
                .orElseThrow();
        clock.advance(Duration.ofSeconds(30));
        IncidentId second = signals.receive(signal("alertmanager", Target.model(OPUS_47), true,
                Signal.Side.PROVIDER)).orElseThrow();

        assertEquals(first, second);
        Incident incident = incidents.find(first).orElseThrow();
        assertEquals(IncidentKind.DEGRADATION, incident.kind());
        assertEquals(List.of(Target.model(OPUS_47), Target.model(OPUS_48)), incident.affected());
        assertEquals(Actor.signal("gateway"), incident.openedBy());
        assertTrue(incidents.timeline(first).stream().anyMatch(entry -> entry.actor().equals(
                Actor.signal("alertmanager")) && entry.detail() instanceof TimelineDetail.Signalled signal
                && signal.firing() && signal.targets().contains(Target.model(OPUS_47))));
        assertTrue(available(Target.model(OPUS_48)), "Anthropic leaves switching off to a person");
    }

    @Test
    void anAutomaticProviderIsSwitchedOffAndBackOnByItsSignals() {
        IncidentId id = signals.receive(signal("gateway", Target.model(GPT_5), true, Signal.Side.PROVIDER))
                .orElseThrow();
        assertFalse(available(Target.model(GPT_5)));
        var records = audit.search(AuditQuery.everything().forIncident(id));
        assertTrue(records.stream().anyMatch(stored -> stored.record().action().equals(AuditAction.AVAILABILITY_CHANGED)
                && stored.record().actor().equals(Actor.signal("gateway"))), records::toString);

        clock.advance(Duration.ofMinutes(10));
        signals.receive(signal("gateway", Target.model(GPT_5), false, Signal.Side.PROVIDER));
        assertTrue(available(Target.model(GPT_5)));
    }

    @Test
    void ourSideSignalsAreReportedButNeverSwitchAnythingOff() {
        IncidentId id = signals.receive(signal("gateway", Target.model(GPT_5), true, Signal.Side.OUR_SIDE))
                .orElseThrow();
        assertTrue(available(Target.model(GPT_5)), "even for a provider that switches off by itself");
        assertTrue(incidents.timeline(id).stream().anyMatch(entry -> entry.detail().equals(
                new TimelineDetail.Signalled("gateway", true, List.of(Target.model(GPT_5)), ERRORS,
                        TimelineDetail.Signalled.Side.OUR_SIDE))));
    }

    @Test
    void aClearedSignalWithoutAnOpenIncidentIsOnlyAudited() {
        assertTrue(signals.receive(signal("alertmanager", Target.model(OPUS_48), false, Signal.Side.PROVIDER))
                .isEmpty());
        assertTrue(incidents.openIncidents().isEmpty());
    }

    @Test
    void aSignalWhoseSummaryIsLongerThanAnyColumnIsRecordedCutToFit() {
        String summary = "upstream said: " + "x".repeat(9_000);
        IncidentId id = signals.receive(new Signal("alertmanager", List.of(Target.model(OPUS_48)), true,
                Signal.Severity.DEGRADED, Signal.Side.PROVIDER, new SignalEvidence.Alert("Upstream", summary),
                clock.instant())).orElseThrow();

        String reason = audit.search(AuditQuery.everything().forIncident(id)).stream()
                .filter(stored -> stored.record().action().equals(AuditAction.SIGNAL_FIRING)).findFirst().orElseThrow()
                .record().reason().orElseThrow();
        assertTrue(reason.length() <= 4000 && reason.startsWith("alert name=\"Upstream\" summary=\"upstream said: xxx"),
                reason.length() + " chars");
        assertTrue(reason.endsWith(" characters)"), "says it was cut: " + reason.substring(reason.length() - 40));
        String recorded = incidents.timeline(id).stream().map(TimelineEntry::detail)
                .filter(TimelineDetail.Signalled.class::isInstance).map(TimelineDetail.Signalled.class::cast)
                .findFirst().map(signal -> ((SignalEvidence.Alert) signal.evidence()).summary()).orElseThrow();
        assertTrue(recorded.length() <= 3000 && recorded.startsWith("upstream said: xxx")
                && recorded.endsWith(" characters)"), recorded.length() + " chars");
    }

    private long signalRecords(IncidentId incident) {
        return audit.search(AuditQuery.everything().forIncident(incident)).stream()
                .filter(stored -> stored.record().action().text().startsWith("signal.")).count();
    }

    @Test
    void aTransitionReceivedTwiceIsOneSignalAndAStateIsAnnouncedAgainOnlyAfterItChanged() {
        Signal failing = signal("gateway", Target.model(OPUS_48), true, Signal.Side.PROVIDER);
        Transition transition = Transition.of(failing);

        assertTrue(signals.receiveTransition(transition, failing), "the first report of the change");
        assertFalse(signals.receiveTransition(transition, failing), "the other replica's report of the same change");
        IncidentId id = incidents.openIncidentAbout(List.of(Target.model(OPUS_48))).orElseThrow().id();
        assertEquals(1, signalRecords(id), "one signal recorded");

        clock.advance(Duration.ofMinutes(10));
        Signal healthy = signal("gateway", Target.model(OPUS_48), false, Signal.Side.PROVIDER);
        assertTrue(signals.receiveTransition(Transition.of(healthy), healthy), "a change back is news");
        assertFalse(signals.receiveTransition(Transition.of(healthy), healthy));
        Signal failingAgain = signal("gateway", Target.model(OPUS_48), true, Signal.Side.PROVIDER);
        assertTrue(signals.receiveTransition(Transition.of(failingAgain), failingAgain), "and so is failing again");
        assertEquals(3, signalRecords(id));
    }

    @Test
    void theProvidersSideAndOurSideOfOneModelAreJudgedApart() {
        Signal provider = signal("gateway", Target.model(OPUS_47), true, Signal.Side.PROVIDER);
        Signal ours = signal("gateway", Target.model(OPUS_47), true, Signal.Side.OUR_SIDE);
        assertTrue(signals.receiveTransition(Transition.of(provider), provider));
        assertTrue(signals.receiveTransition(Transition.of(ours), ours));
    }

    @Test
    void aStatusPageStatusSeenByAPollAndByAWebhookIsOneSignalAndAWorseStatusIsAnother() {
        Signal degraded = new Signal("statuspage:anthropic", List.of(Target.model(OPUS_48)), true,
                Signal.Severity.DEGRADED, Signal.Side.PROVIDER, new SignalEvidence.ProviderComponent(ANTHROPIC, "Claude API",
                "degraded_performance"), clock.instant());
        assertTrue(signals.receiveTransition(Transition.statusPage(ANTHROPIC, "Claude API", "degraded_performance"),
                degraded), "the poll");
        assertFalse(signals.receiveTransition(Transition.statusPage(ANTHROPIC, "Claude API", "DEGRADED_PERFORMANCE"),
                degraded), "the webhook on the other replica");
        Signal outage = new Signal("statuspage:anthropic", List.of(Target.model(OPUS_48)), true,
                Signal.Severity.DOWN, Signal.Side.PROVIDER, new SignalEvidence.ProviderComponent(ANTHROPIC, "Claude API",
                "major_outage"), clock.instant());
        assertTrue(signals.receiveTransition(Transition.statusPage(ANTHROPIC, "Claude API", "major_outage"), outage));
    }

    @Test
    void replicasRecordingOneTransitionAtTheSameMomentRecordItOnce() throws Exception {
        Signal failing = signal("gateway", Target.model(GPT_5), true, Signal.Side.PROVIDER);
        int replicas = 4;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(replicas);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(replicas);
        try {
            List<java.util.concurrent.Future<Boolean>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                answers.add(threads.submit(() -> {
                    together.await();
                    return signals.receiveTransition(Transition.of(failing), failing);
                }));
            }
            int recorded = 0;
            for (java.util.concurrent.Future<Boolean> answer : answers) {
                recorded += answer.get(30, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, recorded, "one of them records it, the others find it recorded");
        } finally {
            threads.shutdownNow();
        }
        IncidentId id = incidents.openIncidentAbout(List.of(Target.model(GPT_5))).orElseThrow().id();
        assertEquals(1, signalRecords(id));
    }

    @Test
    void aDeliveryThatFailedLeavesNoTraceSoItIsRecordedWhenItComesAgain() {
        Signal signal = signal("alertmanager", Target.model(OPUS_47), true, Signal.Side.PROVIDER);
        outboxRule.failOnNextEvent();
        assertThrows(IllegalStateException.class, () -> signals.receiveOnce("alertmanager", "fp-1:firing", signal));
        assertTrue(incidents.openIncidents().isEmpty(), "nothing of the failed delivery was kept");

        assertTrue(signals.receiveOnce("alertmanager", "fp-1:firing", signal), "the retry is recorded");
        assertFalse(signals.receiveOnce("alertmanager", "fp-1:firing", signal), "and is a repeat after that");
        assertEquals(1, incidents.openIncidents().size());
    }

    @Test
    void aStatusPageUpdateWithAnIdLongerThanAnyColumnIsRecordedOnce() {
        IncidentId id = signals.receive(signal("gateway", Target.model(OPUS_48), true, Signal.Side.PROVIDER))
                .orElseThrow();
        SignalService.StatusPageUpdate update = new SignalService.StatusPageUpdate("upd-" + "7".repeat(400),
                "Elevated errors", "major", "investigating", "We are looking into it.", clock.instant());

        assertTrue(signals.statusPageUpdate(ANTHROPIC, update));
        assertFalse(signals.statusPageUpdate(ANTHROPIC, update));
        assertEquals(1, incidents.timeline(id).stream().filter(entry -> entry.detail().equals(
                new TimelineDetail.StatusPageIncident("Elevated errors", "major", "investigating",
                        "We are looking into it."))).count());
    }
}
