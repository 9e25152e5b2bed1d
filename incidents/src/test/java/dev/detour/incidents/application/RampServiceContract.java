package dev.detour.incidents.application;

import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.recovery.RampChange;
import dev.detour.incidents.recovery.RampCommand;
import dev.detour.incidents.recovery.RampMove;
import dev.detour.incidents.recovery.RampRefusal;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.incidents.recovery.RampState;
import dev.detour.incidents.signals.FiringAlerts;
import dev.detour.incidents.signals.GatewayMonitor;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.SignalEvidence;
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
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPENAI;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staged recovery as the use cases run it, on each database (docs/recovery.md). OpenAI comes back through a ramp
 * (steps 10, 50, 100, each held a minute, 20 requests); Anthropic at once.
 */
abstract class RampServiceContract implements TestPropertyProvider {
    private static final Actor ALICE = Actor.user("U0ALICE");
    private static final Target GPT = Target.model(GPT_5);

    @Inject RampService ramps;
    @Inject AvailabilityService availability;
    @Inject IncidentService incidents;
    @Inject SignalService signals;
    @Inject StatusService status;
    @Inject AuditTrail audit;
    @Inject GatewayMonitor gateway;
    @Inject FiringAlerts alerts;
    @Inject MovableClock clock;

    protected abstract Map<String, Object> database();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SeedConfigFactory.properties(database());
        properties.put(SeedConfigFactory.STAGED_PROVIDER, "openai");
        properties.put("detour.recovery.tick", "1h"); // the test ticks by hand
        return properties;
    }

    @BeforeEach
    void gpt5IsOffAndNothingRamps() {
        for (Target target : List.of(GPT, Target.provider(OPENAI), Target.model(OPUS_48))) {
            ramps.command(target, RampCommand.ABORT, Actor.system("test"), Optional.empty());
        }
        incidents.openIncidents().forEach(incident -> incidents.resolve(incident.id(), Actor.system("test"), ""));
        availability.set(List.of(Target.provider(ANTHROPIC), Target.provider(OPENAI), Target.model(OPUS_48),
                Target.model(OPUS_47)), true, Actor.system("test"), Optional.empty(), Optional.empty());
        availability.disable(List.of(GPT), ALICE, Optional.of("errors"));
        clock.advance(Duration.ofMinutes(2)); // past the gateway window of earlier tests
    }

    private boolean available(Target target) {
        return status.current().models().stream().filter(model -> Target.model(model.id()).equals(target))
                .findFirst().orElseThrow().available();
    }

    private Optional<RampShare> share() {
        return status.current().rampOf(GPT);
    }

    private List<String> auditedActions() {
        return audit.search(AuditQuery.everything().forSubject(AuditSubject.target(GPT)).newest(50)).stream()
                .map(StoredAuditRecord::record).map(record -> record.action().text()).toList();
    }

    private void traffic(int requests, int errors) {
        for (int i = 0; i < requests; i++) {
            boolean ok = i >= errors;
            gateway.record(GPT_5, ok, ok ? 200 : 529, 700, clock.instant());
        }
    }

    @Test
    void enablingAStagedTargetStartsARampAndLeavesItOff() {
        Instant now = clock.instant();
        RoutingOutcome outcome = ramps.enable(List.of(GPT), ALICE, Optional.of("looks better"), false);

        RoutingOutcome.Applied applied = assertInstanceOf(RoutingOutcome.Applied.class, outcome);
        assertEquals(List.of(GPT), applied.ramping());
        assertEquals(List.of(), applied.changed());
        assertFalse(available(GPT), "a ramping target counts as off");
        assertEquals(Optional.of(new RampShare(GPT, 10, 1, now, Optional.of(now.plus(Duration.ofMinutes(1))))),
                share());
        assertTrue(auditedActions().contains("ramp.started"), auditedActions().toString());
    }

    @Test
    void enablingAtOnceSkipsTheRampAndSaysSoInTheAudit() {
        RoutingOutcome.Applied applied = assertInstanceOf(RoutingOutcome.Applied.class,
                ramps.enable(List.of(GPT), ALICE, Optional.empty(), true));

        assertEquals(List.of(GPT), applied.changed());
        assertTrue(available(GPT));
        assertEquals(Optional.empty(), share());
        assertTrue(auditedActions().contains("ramp.skipped"), auditedActions().toString());
    }

    @Test
    void aTargetWhoseRecoveryIsAtOnceIsSwitchedOnAsBefore() {
        availability.disable(List.of(Target.model(OPUS_47)), ALICE, Optional.empty());

        RoutingOutcome.Applied applied = assertInstanceOf(RoutingOutcome.Applied.class,
                ramps.enable(List.of(Target.model(OPUS_47)), ALICE, Optional.empty(), false));

        assertEquals(List.of(Target.model(OPUS_47)), applied.changed());
        assertEquals(List.of(), applied.ramping());
    }

    @Test
    void enablingARampingTargetAgainStartsNoSecondRamp() {
        ramps.enable(List.of(GPT), ALICE, Optional.empty(), false);
        Optional<RampShare> first = share();
        clock.advance(Duration.ofSeconds(20));

        RoutingOutcome.Applied again = assertInstanceOf(RoutingOutcome.Applied.class,
                ramps.enable(List.of(GPT), ALICE, Optional.empty(), false));

        assertEquals(List.of(GPT), again.unchanged());
        assertEquals(first, share());
    }

    @Test
    void healthyTrafficAdvancesEachStepAndTheLastSwitchesTheTargetOn() {
        ramps.enable(List.of(GPT), ALICE, Optional.empty(), false);
        clock.advance(Duration.ofSeconds(30));
        traffic(40, 0);
        assertInstanceOf(RampChange.Unchanged.class, ramps.tick(GPT), "the hold is not over yet");
        clock.advance(Duration.ofSeconds(30));

        RampChange.Moved advanced = assertInstanceOf(RampChange.Moved.class, ramps.tick(GPT));
        assertEquals(50, assertInstanceOf(RampMove.Advanced.class, advanced.move()).toPercent());
        assertEquals(50, share().orElseThrow().percent());

        clock.advance(Duration.ofSeconds(30));
        traffic(60, 1);
        clock.advance(Duration.ofSeconds(30));
        RampChange.Moved completed = assertInstanceOf(RampChange.Moved.class, ramps.tick(GPT));

        assertInstanceOf(RampMove.Completed.class, completed.move());
        assertTrue(available(GPT), "completion switches it on through the normal path");
        assertEquals(Optional.empty(), share());
        assertTrue(auditedActions().containsAll(List.of("ramp.started", "ramp.advanced", "ramp.completed",
                "availability.changed")), auditedActions().toString());
    }

    @Test
    void errorsOverTheOpenRateRollBackAndRetryStartsAgain() {
        ramps.enable(List.of(GPT), ALICE, Optional.empty(), false);
        clock.advance(Duration.ofSeconds(20));
        traffic(40, 20);

        RampChange.Moved rolledBack = assertInstanceOf(RampChange.Moved.class, ramps.tick(GPT));

        assertEquals(RampMove.RollbackCause.ERROR_RATE,
                assertInstanceOf(RampMove.RolledBack.class, rolledBack.move()).cause());
        assertEquals(0, share().orElseThrow().percent());
        assertFalse(available(GPT));

        RampChange.Moved retried = assertInstanceOf(RampChange.Moved.class,
                ramps.command(GPT, RampCommand.RETRY, ALICE, Optional.empty()));
        assertEquals(new RampMove.Retried(10), retried.move());
        assertEquals(10, share().orElseThrow().percent());
    }

    @Test
    void keepOffAfterARollbackEndsTheRampWithTheTargetOff() {
        ramps.enable(List.of(GPT), ALICE, Optional.empty(), false);
        clock.advance(Duration.ofSeconds(20));
        traffic(40, 30);
        ramps.tick(GPT);

        RampChange.Moved keptOff = assertInstanceOf(RampChange.Moved.class,
                ramps.command(GPT, RampCommand.KEEP_OFF, ALICE, Optional.empty()));

        assertEquals(new RampMove.Aborted(0, true), keptOff.move());
        assertEquals(Optional.empty(), share());
        assertFalse(available(GPT));
    }

    @Test
    void aFiringSignalRollsARunningRampBack() {
        ramps.enable(List.of(GPT), ALICE, Optional.empty(), false);
        clock.advance(Duration.ofSeconds(20));

        signals.receive(new Signal("alertmanager", List.of(GPT), true, Signal.Severity.DEGRADED,
                Signal.Side.PROVIDER, new SignalEvidence.GatewayErrors(new SignalEvidence.GatewayNumbers(0.4, 40,
                100, Duration.ofSeconds(60), 0, 900), false), clock.instant()));

        assertEquals(0, share().orElseThrow().percent());
        assertTrue(auditedActions().contains("ramp.rolled-back"), auditedActions().toString());
    }

    @Test
    void anAlertmanagerAlertThatStartsFiringMidStepRollsTheRampBackDespiteHealthyTraffic() {
        ramps.enable(List.of(GPT), ALICE, Optional.empty(), false);
        clock.advance(Duration.ofSeconds(20));
        traffic(100, 0);
        assertInstanceOf(RampChange.Unchanged.class, ramps.tick(GPT));
        alerts.alert("gpt-5-errors", GPT_5, true); // no signal reaches the ramp: its tick sees the alert
        try {
            clock.advance(Duration.ofSeconds(10));

            RampChange.Moved rolledBack = assertInstanceOf(RampChange.Moved.class, ramps.tick(GPT));

            RampMove.RolledBack move = assertInstanceOf(RampMove.RolledBack.class, rolledBack.move());
            assertEquals(RampMove.RollbackCause.FIRING, move.cause());
            assertEquals(Optional.of("alertmanager"), move.source());
            assertEquals(0, share().orElseThrow().percent());
            assertTrue(auditedActions().contains("ramp.rolled-back"), auditedActions().toString());
        } finally {
            alerts.alert("gpt-5-errors", GPT_5, false);
        }
    }

    @Test
    void anAlertmanagerAlertAlreadyFiringWhenTheRampStartsHoldsAStepWithoutTraffic() {
        alerts.alert("gpt-5-errors", GPT_5, true); // fired before the ramp began: no new signal reaches it
        try {
            ramps.enable(List.of(GPT), ALICE, Optional.empty(), false);
            clock.advance(Duration.ofMinutes(1));

            RampChange.Moved held = assertInstanceOf(RampChange.Moved.class, ramps.tick(GPT));

            RampMove.Held move = assertInstanceOf(RampMove.Held.class, held.move());
            assertTrue(move.evidence().firingSeen(), move.toString());
            assertEquals(10, share().orElseThrow().percent(), "not advanced without traffic evidence");
        } finally {
            alerts.alert("gpt-5-errors", GPT_5, false);
        }
    }

    @Test
    void pauseResumeAndCompleteByAPerson() {
        ramps.enable(List.of(GPT), ALICE, Optional.empty(), false);

        assertInstanceOf(RampChange.Moved.class, ramps.command(GPT, RampCommand.PAUSE, ALICE, Optional.empty()));
        assertEquals(Optional.empty(), share().orElseThrow().nextStepAt());
        assertEquals(new RampChange.Refused(new RampRefusal.NotNow(GPT, RampState.PAUSED, "pause")),
                ramps.command(GPT, RampCommand.PAUSE, ALICE, Optional.empty()));
        assertInstanceOf(RampChange.Moved.class, ramps.command(GPT, RampCommand.RESUME, ALICE, Optional.empty()));
        assertInstanceOf(RampChange.Moved.class,
                ramps.command(GPT, RampCommand.COMPLETE, ALICE, Optional.of("verified by hand")));

        assertTrue(available(GPT));
        assertEquals(List.of(), status.current().ramps());
    }

    @Test
    void aPressOnARampThatEndedIsAnsweredWithWhatTheRampIsNow() {
        ramps.enable(List.of(GPT), ALICE, Optional.empty(), false);
        ramps.command(GPT, RampCommand.COMPLETE, ALICE, Optional.empty());

        assertEquals(new RampChange.Refused(new RampRefusal.NotNow(GPT, RampState.COMPLETED, "pause")),
                ramps.command(GPT, RampCommand.PAUSE, ALICE, Optional.empty()));
        assertTrue(available(GPT), "nothing changed");
    }

    @Test
    void aRampCommandOnATargetWithoutARampIsRefused() {
        Target opus = Target.model(OPUS_48);

        assertEquals(new RampChange.Refused(new RampRefusal.NoRamp(opus)),
                ramps.command(opus, RampCommand.PAUSE, ALICE, Optional.empty()));
        assertEquals(new RampChange.Refused(new RampRefusal.NoRamp(opus)),
                ramps.command(opus, RampCommand.STATUS, ALICE, Optional.empty()));
    }

    @Test
    void theStatusReadsEveryRunningRamp() {
        ramps.enable(List.of(GPT), ALICE, Optional.empty(), false);

        DetourStatus current = status.current();

        assertEquals(List.of(GPT), current.ramps().stream().map(RampShare::target).toList());
    }
}
