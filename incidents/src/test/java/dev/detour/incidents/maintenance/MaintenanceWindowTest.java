package dev.detour.incidents.maintenance;

import dev.detour.incidents.ScriptedClock;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.detour.incidents.catalog.MaintenancePolicy.ANNOUNCE;
import static dev.detour.incidents.catalog.MaintenancePolicy.PRE_ROUTE;
import static dev.detour.incidents.maintenance.MaintenanceStep.END;
import static dev.detour.incidents.maintenance.MaintenanceStep.REMIND;
import static dev.detour.incidents.maintenance.MaintenanceStep.START;
import static dev.detour.incidents.maintenance.MaintenanceStep.TELL_CHANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A maintenance window through its life on a scripted clock (docs/maintenance.md). */
class MaintenanceWindowTest {
    private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");
    private static final Instant TWO = Instant.parse("2026-12-07T14:00:00Z");
    private static final Instant FOUR = Instant.parse("2026-12-07T16:00:00Z");
    private static final List<Target> OPUS = List.of(Target.model(new ModelId("claude-opus-4-8")));

    private final ScriptedClock clock = new ScriptedClock(NOON);

    private static MaintenanceWindow window(Instant at) {
        return MaintenanceWindow.recorded(MaintenanceId.fromStatusPage("anthropic", "mnt-1"),
                new MaintenanceSource.StatusPage(new ProviderId("anthropic"), "mnt-1"), "Database upgrade", OPUS,
                TWO, FOUR, MaintenanceStatus.SCHEDULED, at);
    }

    @Test
    void firstSeenItIsAnnouncedThenRemindedFifteenMinutesBeforeItStarts() {
        MaintenanceWindow window = window(clock.instant());
        assertEquals(List.of(MaintenanceStep.ANNOUNCE), window.due(clock.instant(), ANNOUNCE));
        window = window.told(clock.instant());
        assertEquals(List.of(), window.due(clock.instant(), ANNOUNCE), "announced once");

        clock.set(TWO.minus(Duration.ofMinutes(16)));
        assertEquals(List.of(), window.due(clock.instant(), ANNOUNCE), "not yet");
        clock.set(TWO.minus(Duration.ofMinutes(15)));
        assertEquals(List.of(REMIND), window.due(clock.instant(), ANNOUNCE));
        window = window.reminded();
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), window.due(clock.instant(), ANNOUNCE), "reminded once");

        clock.set(TWO);
        assertEquals(List.of(), window.due(clock.instant(), ANNOUNCE), "announce switches nothing");
        assertTrue(window.runsAt(clock.instant()));
        clock.set(FOUR);
        assertTrue(window.settledAt(clock.instant()));
    }

    @Test
    void seenInsideTheLastFifteenMinutesTheAnnouncementIsTheReminder() {
        clock.set(TWO.minus(Duration.ofMinutes(5)));
        MaintenanceWindow window = window(clock.instant());
        assertEquals(List.of(MaintenanceStep.ANNOUNCE), window.due(clock.instant(), ANNOUNCE));
        window = window.told(clock.instant());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), window.due(clock.instant(), ANNOUNCE));
    }

    @Test
    void preRouteSwitchesOffAtTheStartAndOnAtTheEnd() {
        MaintenanceWindow window = window(clock.instant()).told(clock.instant());
        clock.set(TWO.minus(Duration.ofSeconds(1)));
        assertFalse(window.due(clock.instant(), PRE_ROUTE).contains(START));
        window = window.reminded();
        clock.set(TWO);
        assertEquals(List.of(START), window.due(clock.instant(), PRE_ROUTE));
        window = window.started(clock.instant(), Optional.of(new IncidentId(7)));
        clock.advance(Duration.ofMinutes(30));
        assertEquals(List.of(), window.due(clock.instant(), PRE_ROUTE));
        clock.set(FOUR);
        assertEquals(List.of(END), window.due(clock.instant(), PRE_ROUTE));
        window = window.ended(clock.instant());
        assertEquals(List.of(), window.due(clock.instant(), PRE_ROUTE));
        assertTrue(window.settledAt(clock.instant()));
    }

    @Test
    void aWindowFirstSeenWhileRunningIsAnnouncedAndPreRoutedAtOnce() {
        clock.set(TWO.plus(Duration.ofMinutes(10)));
        assertEquals(List.of(MaintenanceStep.ANNOUNCE, START), window(clock.instant()).due(clock.instant(), PRE_ROUTE));
    }

    @Test
    void newTimesAreOneChangeToldOnceAndTheReminderFollowsTheNewStart() {
        MaintenanceWindow window = window(clock.instant()).told(clock.instant());
        Instant three = TWO.plus(Duration.ofHours(1));
        window = window.revised(window.name(), OPUS, three, FOUR.plus(Duration.ofHours(1)),
                MaintenanceStatus.SCHEDULED).orElseThrow();
        assertEquals(2, window.revision());
        assertEquals(List.of(TELL_CHANGE), window.due(clock.instant(), ANNOUNCE));
        window = window.told(clock.instant());
        assertEquals(List.of(), window.due(clock.instant(), ANNOUNCE));
        assertTrue(window.revised(window.name(), OPUS, three, FOUR.plus(Duration.ofHours(1)),
                MaintenanceStatus.SCHEDULED).isEmpty(), "the same reading again is no change");

        clock.set(TWO.minus(Duration.ofMinutes(15)));
        assertEquals(List.of(), window.due(clock.instant(), ANNOUNCE), "no reminder for the old start");
        clock.set(three.minus(Duration.ofMinutes(15)));
        assertEquals(List.of(REMIND), window.due(clock.instant(), ANNOUNCE));
    }

    @Test
    void cancelledWhileRunningItIsToldAndTheTargetsComeBack() {
        MaintenanceWindow window = window(clock.instant()).told(clock.instant()).reminded();
        clock.set(TWO);
        window = window.started(clock.instant(), Optional.empty());
        window = window.cancelled().orElseThrow();
        assertEquals(List.of(TELL_CHANGE, END), window.due(clock.instant(), PRE_ROUTE));
        assertTrue(window.cancelled().isEmpty(), "cancelled once");
        assertTrue(window.revised(window.name(), OPUS, TWO, FOUR, MaintenanceStatus.SCHEDULED).isEmpty(),
                "an older reading never revives it");
    }

    @Test
    void aWindowCompletedBeforeItWasEverAnnouncedSaysNothing() {
        MaintenanceWindow window = window(clock.instant()).revised("Database upgrade", OPUS, TWO, FOUR,
                MaintenanceStatus.COMPLETED).orElseThrow();
        assertEquals(List.of(), window.due(clock.instant(), PRE_ROUTE));
        assertTrue(window.settledAt(clock.instant()));
    }

    @Test
    void byHandPlansNameTheirProblem() {
        Instant now = NOON;
        assertEquals(Optional.empty(), new MaintenancePlan(OPUS, TWO, FOUR, Optional.empty()).problem(now));
        assertTrue(new MaintenancePlan(OPUS, FOUR, TWO, Optional.empty()).problem(now).orElseThrow()
                instanceof MaintenancePlan.Problem.EndsBeforeItStarts);
        assertTrue(new MaintenancePlan(OPUS, TWO, TWO.plus(Duration.ofDays(7)).plusSeconds(60), Optional.empty())
                .problem(now).orElseThrow() instanceof MaintenancePlan.Problem.LongerThanAllowed);
        assertEquals(Optional.empty(), new MaintenancePlan(OPUS, TWO, TWO.plus(Duration.ofDays(7)),
                Optional.empty()).problem(now), "exactly seven days is allowed");
        assertTrue(new MaintenancePlan(OPUS, NOON.minus(Duration.ofHours(3)), NOON.minus(Duration.ofHours(1)),
                Optional.empty()).problem(now).orElseThrow() instanceof MaintenancePlan.Problem.InThePast);
        assertTrue(new MaintenancePlan(List.of(), TWO, FOUR, Optional.empty()).problem(now).orElseThrow()
                instanceof MaintenancePlan.Problem.NoTargets);
    }

    @Test
    void idsAreTypedInAnyCaseAndStatusPageIdsAreStable() {
        MaintenanceId id = MaintenanceId.fromStatusPage("anthropic", "mnt-1");
        assertEquals(id, MaintenanceId.fromStatusPage("anthropic", "mnt-1"));
        assertEquals(Optional.of(id), MaintenanceId.parse(id.value().toUpperCase()));
        assertTrue(MaintenanceId.parse("INC-4").isEmpty());
        assertTrue(MaintenanceId.random().value().startsWith("M-"));
        assertEquals(Actor.user("U1").kind(), new MaintenanceSource.ByHand(Actor.user("U1")).by().kind());
    }
}
