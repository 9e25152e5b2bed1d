package dev.detour.incidents.recovery;

import dev.detour.incidents.ScriptedClock;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.RecoveryMode;
import dev.detour.incidents.catalog.RecoveryPolicy;
import dev.detour.incidents.catalog.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ramp as a state machine on a scripted clock (docs/recovery.md). */
class RampTest {
    private static final Target GPT_5 = Target.model(ModelId.of("gpt-5"));
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final RecoveryPolicy STAGED = new RecoveryPolicy(RecoveryMode.STAGED, List.of(10, 50, 100),
            Duration.ofMinutes(5), 20);
    private static final RampThresholds LIMITS = new RampThresholds(0.25, 0.05, 20);

    private final ScriptedClock clock = new ScriptedClock(Instant.parse("2026-12-06T12:40:00Z"));

    private static RampSample healthy(long requests) {
        return new RampSample(requests, 0, false, 800, List.of(), WINDOW);
    }

    private static RampSample failing(long requests, long errors) {
        return new RampSample(requests, errors, false, 800, List.of(), WINDOW);
    }

    private Ramp started() {
        RampChange.Moved start = Ramp.start(GPT_5, STAGED, clock.instant());
        assertEquals(new RampMove.Started(10), start.move());
        return start.ramp();
    }

    /** Ticks every 30 s until {@code duration} has passed, returning the last change. */
    private RampChange tickFor(Ramp ramp, Duration duration, RampSample sample) {
        Instant until = clock.instant().plus(duration);
        RampChange change = new RampChange.Unchanged(ramp);
        while (clock.instant().isBefore(until)) {
            clock.advance(Duration.ofSeconds(30));
            change = current(change).tick(clock.instant(), sample, LIMITS);
            if (change instanceof RampChange.Moved) {
                return change;
            }
        }
        return change;
    }

    private static Ramp current(RampChange change) {
        if (change instanceof RampChange.Moved moved) {
            return moved.ramp();
        }
        return ((RampChange.Unchanged) change).ramp();
    }

    @Test
    void aStartedRampGivesTheFirstStepAndNamesTheNextStepTime() {
        Ramp ramp = started();

        assertEquals(10, ramp.percent());
        assertEquals(Optional.of(new RampShare(GPT_5, 10, 1, clock.instant(),
                Optional.of(Instant.parse("2026-12-06T12:45:00Z")))), ramp.share());
    }

    @Test
    void aHealthyHoldAdvancesToTheNextStepAndTheLastStepCompletes() {
        RampChange change = tickFor(started(), Duration.ofMinutes(6), healthy(200));

        RampChange.Moved advanced = assertInstanceOf(RampChange.Moved.class, change);
        assertEquals(Instant.parse("2026-12-06T12:45:00Z"), clock.instant(), "advances when the hold is over");
        RampMove.Advanced move = assertInstanceOf(RampMove.Advanced.class, advanced.move());
        assertEquals(10, move.fromPercent());
        assertEquals(50, move.toPercent());
        assertFalse(move.withoutTraffic());
        assertEquals(200, move.evidence().peakRequests());
        assertEquals(50, advanced.ramp().percent());
        assertEquals(2, advanced.ramp().step());
        assertEquals(clock.instant(), advanced.ramp().stepSince());

        RampChange.Moved done = assertInstanceOf(RampChange.Moved.class,
                tickFor(advanced.ramp(), Duration.ofMinutes(6), healthy(900)));
        assertEquals(new RampMove.Completed(50, false, done.ramp().evidence(), false), done.move());
        assertEquals(RampState.COMPLETED, done.ramp().state());
        assertEquals(100, done.ramp().percent());
        assertEquals(Optional.empty(), done.ramp().share(), "a completed ramp no longer splits");
    }

    @Test
    void noStepIsTakenBeforeTheHoldIsOver() {
        RampChange change = tickFor(started(), Duration.ofMinutes(4), healthy(200));

        Ramp ramp = assertInstanceOf(RampChange.Unchanged.class, change).ramp();
        assertEquals(10, ramp.percent());
        assertEquals(200, ramp.evidence().peakRequests(), "the hold's evidence is kept");
    }

    @Test
    void aHoldWithTooFewRequestsHoldsTheStepAgain() {
        RampChange change = tickFor(started(), Duration.ofMinutes(6), healthy(5));

        RampChange.Moved held = assertInstanceOf(RampChange.Moved.class, change);
        assertEquals(new RampMove.Held(10, new HoldEvidence(5, 0, false, false, Optional.of(healthy(5))), 20, true),
                held.move());
        assertEquals(10, held.ramp().percent());
        assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(5))), held.ramp().nextStepAt());
        assertEquals(HoldEvidence.NONE, held.ramp().evidence(), "the next hold gathers afresh");

        RampChange.Moved again = assertInstanceOf(RampChange.Moved.class,
                tickFor(held.ramp(), Duration.ofMinutes(6), healthy(5)));
        assertFalse(assertInstanceOf(RampMove.Held.class, again.move()).first(), "held again: not told twice");
    }

    @Test
    void aHoldOverTheCloseRateButUnderTheOpenRateHoldsTheStepAgain() {
        RampChange change = tickFor(started(), Duration.ofMinutes(6), failing(100, 10));

        assertInstanceOf(RampMove.Held.class, assertInstanceOf(RampChange.Moved.class, change).move());
    }

    @Test
    void withoutTrafficAStepAdvancesAfterTheHoldWhenNothingFires() {
        RampChange change = tickFor(started(), Duration.ofMinutes(6), RampSample.quiet(WINDOW));

        RampMove.Advanced move = assertInstanceOf(RampMove.Advanced.class,
                assertInstanceOf(RampChange.Moved.class, change).move());
        assertTrue(move.withoutTraffic(), "the thread says it advanced without traffic evidence");
    }

    @Test
    void errorsOverTheOpenRateRollBackToZeroAtOnce() {
        Ramp atFifty = current(tickFor(started(), Duration.ofMinutes(5), healthy(200)));
        clock.advance(Duration.ofSeconds(30));

        RampChange change = atFifty.tick(clock.instant(), failing(400, 160), LIMITS);

        RampChange.Moved rolledBack = assertInstanceOf(RampChange.Moved.class, change);
        RampMove.RolledBack move = assertInstanceOf(RampMove.RolledBack.class, rolledBack.move());
        assertEquals(50, move.fromPercent());
        assertEquals(RampMove.RollbackCause.ERROR_RATE, move.cause());
        assertEquals(Optional.of(failing(400, 160)), move.evidence().last());
        assertEquals(RampState.ROLLED_BACK, rolledBack.ramp().state());
        assertEquals(0, rolledBack.ramp().percent());
        assertEquals(1, rolledBack.ramp().rollbacks());
        assertEquals(Optional.of(new RampShare(GPT_5, 0, 2, clock.instant(), Optional.empty(),
                        rolledBack.ramp().lastHold())), rolledBack.ramp().share(),
                "still holds the target, at 0%, while on-call is asked");
    }

    @Test
    void theRampKeepsTheEvidenceOfTheHoldThatTookItToItsStepForTheRootLine() {
        Ramp ramp = started();
        assertEquals(Optional.empty(), ramp.lastHold(), "no hold has ended yet");
        assertEquals(Optional.empty(), ramp.share().orElseThrow().lastHold());

        RampChange.Moved advanced = assertInstanceOf(RampChange.Moved.class,
                tickFor(ramp, Duration.ofMinutes(6), healthy(200)));

        HoldEvidence seen = assertInstanceOf(RampMove.Advanced.class, advanced.move()).evidence();
        assertEquals(Optional.of(seen), advanced.ramp().lastHold());
        assertEquals(200, advanced.ramp().lastHold().orElseThrow().peakRequests());
        assertEquals(Optional.of(healthy(200)), advanced.ramp().lastHold().orElseThrow().last());
        assertEquals(HoldEvidence.NONE, advanced.ramp().evidence(), "the new step's hold starts empty");
        assertEquals(advanced.ramp().lastHold(), advanced.ramp().share().orElseThrow().lastHold());
    }

    @Test
    void aStepTakenWithoutTrafficLeavesAHoldWithNoRequestsAndNothingFiring() {
        RampChange.Moved advanced = assertInstanceOf(RampChange.Moved.class,
                tickFor(started(), Duration.ofMinutes(6), RampSample.quiet(WINDOW)));

        assertTrue(assertInstanceOf(RampMove.Advanced.class, advanced.move()).withoutTraffic());
        HoldEvidence last = advanced.ramp().lastHold().orElseThrow();
        assertEquals(0, last.peakRequests());
        assertFalse(last.firingSeen());
    }

    @Test
    void aHeldStepKeepsWhatItsHoldSawAndARetryStartsWithoutOne() {
        RampChange.Moved held = assertInstanceOf(RampChange.Moved.class,
                tickFor(started(), Duration.ofMinutes(6), healthy(5)));

        assertInstanceOf(RampMove.Held.class, held.move());
        assertEquals(5, held.ramp().lastHold().orElseThrow().peakRequests());

        Ramp rolledBack = ((RampChange.Moved) held.ramp().tick(clock.instant().plusSeconds(30), failing(400, 160),
                LIMITS)).ramp();
        assertEquals(held.ramp().lastHold(), rolledBack.lastHold(), "a rollback tells its own numbers");
        Ramp retried = ((RampChange.Moved) rolledBack.retry(clock.instant().plusSeconds(60))).ramp();
        assertEquals(Optional.empty(), retried.lastHold());
    }

    @Test
    void aSlowWindowRollsBack() {
        RampChange change = started().tick(clock.instant().plusSeconds(30),
                new RampSample(100, 0, true, 41_000, List.of(), WINDOW), LIMITS);

        assertEquals(RampMove.RollbackCause.LATENCY, assertInstanceOf(RampMove.RolledBack.class,
                assertInstanceOf(RampChange.Moved.class, change).move()).cause());
    }

    @Test
    void aTargetThatFailsAgainMidStepRollsBackEvenWithoutTraffic() {
        RampChange change = started().signalled(clock.instant().plusSeconds(30), "alertmanager");

        RampMove.RolledBack move = assertInstanceOf(RampMove.RolledBack.class,
                assertInstanceOf(RampChange.Moved.class, change).move());
        assertEquals(RampMove.RollbackCause.FIRING, move.cause());
        assertEquals(Optional.of("alertmanager"), move.source());
        assertEquals(0, current(change).percent());
    }

    @Test
    void aStatusPageThatStartsFiringMidStepRollsBackEvenWithHealthyTraffic() {
        Ramp ramp = current(started().tick(clock.instant().plusSeconds(30), healthy(100), LIMITS));

        RampChange change = ramp.tick(clock.instant().plusSeconds(60),
                new RampSample(100, 0, false, 800, List.of("statuspage:openai"), WINDOW), LIMITS);

        RampMove.RolledBack move = assertInstanceOf(RampMove.RolledBack.class,
                assertInstanceOf(RampChange.Moved.class, change).move());
        assertEquals(RampMove.RollbackCause.FIRING, move.cause());
        assertEquals(Optional.of("statuspage:openai"), move.source());
        assertEquals(10, move.fromPercent());
        assertEquals(0, current(change).percent());
    }

    @Test
    void anAlertThatStartsFiringInALaterStepRollsBackFromThatStep() {
        Ramp second = current(tickFor(started(), Duration.ofMinutes(6), healthy(100)));
        assertEquals(50, second.percent());

        RampChange change = second.tick(clock.instant().plusSeconds(30),
                new RampSample(400, 0, false, 800, List.of("alertmanager"), WINDOW), LIMITS);

        RampMove.RolledBack move = assertInstanceOf(RampMove.RolledBack.class,
                assertInstanceOf(RampChange.Moved.class, change).move());
        assertEquals(50, move.fromPercent());
        assertEquals(Optional.of("alertmanager"), move.source());
    }

    @Test
    void aSourceAlreadyFiringWhenTheRampBeganDoesNotRollItBackAndHealthyTrafficAdvances() {
        Ramp ramp = Ramp.start(GPT_5, STAGED, clock.instant(), List.of("statuspage:openai")).ramp();

        RampChange change = tickFor(ramp, Duration.ofMinutes(6),
                new RampSample(100, 0, false, 800, List.of("statuspage:openai"), WINDOW));

        RampMove.Advanced advanced = assertInstanceOf(RampMove.Advanced.class,
                assertInstanceOf(RampChange.Moved.class, change).move());
        assertEquals(50, advanced.toPercent());
    }

    @Test
    void aRetryAfterARollbackByASourceKnowsThatSourceFiresAlready() {
        Ramp rolledBack = current(started().tick(clock.instant().plusSeconds(30),
                new RampSample(100, 0, false, 800, List.of("alertmanager"), WINDOW), LIMITS));
        clock.advance(Duration.ofMinutes(1));
        Ramp retried = current(rolledBack.retry(clock.instant()));

        RampChange change = retried.tick(clock.instant().plusSeconds(30),
                new RampSample(100, 0, false, 800, List.of("alertmanager"), WINDOW), LIMITS);

        assertInstanceOf(RampChange.Unchanged.class, change, "on-call retried knowing it fires");
        assertEquals(10, current(change).percent());
    }

    @Test
    void resumeAfterARollbackRetriesFromTheFirstStep() {
        Ramp rolledBack = current(started().tick(clock.instant().plusSeconds(30), failing(100, 90), LIMITS));

        RampChange.Moved resumed = assertInstanceOf(RampChange.Moved.class,
                RampCommand.RESUME.applyTo(rolledBack, clock.instant().plusSeconds(60)));

        assertEquals(new RampMove.Retried(10), resumed.move());
        assertEquals(RampState.RUNNING, resumed.ramp().state());
    }

    @Test
    void withoutTrafficAStatusPageStillFiringHoldsTheStep() {
        Ramp firingSinceBefore = Ramp.start(GPT_5, STAGED, clock.instant(), List.of("statuspage:openai")).ramp();
        RampChange change = tickFor(firingSinceBefore, Duration.ofMinutes(6),
                new RampSample(0, 0, false, 0, List.of("statuspage:openai"), WINDOW));

        RampMove.Held held = assertInstanceOf(RampMove.Held.class,
                assertInstanceOf(RampChange.Moved.class, change).move());
        assertTrue(held.evidence().firingSeen());
    }

    @Test
    void aFewFailedRequestsUnderTheWindowMinimumDoNotRollBack() {
        RampChange change = started().tick(clock.instant().plusSeconds(30), failing(5, 5), LIMITS);

        assertInstanceOf(RampChange.Unchanged.class, change);
    }

    @Test
    void retryAfterARollbackStartsAgainAtTheFirstStepAndKeepOffAborts() {
        Ramp rolledBack = current(started().tick(clock.instant().plusSeconds(30), failing(100, 90), LIMITS));
        clock.advance(Duration.ofMinutes(2));

        RampChange.Moved retried = assertInstanceOf(RampChange.Moved.class, rolledBack.retry(clock.instant()));
        assertEquals(new RampMove.Retried(10), retried.move());
        assertEquals(RampState.RUNNING, retried.ramp().state());
        assertEquals(1, retried.ramp().step());
        assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(5))), retried.ramp().nextStepAt());
        assertEquals(1, retried.ramp().rollbacks(), "the rollback stays counted");

        RampChange.Moved keptOff = assertInstanceOf(RampChange.Moved.class, rolledBack.abort(clock.instant()));
        assertEquals(new RampMove.Aborted(0, true), keptOff.move());
        assertEquals(RampState.ABORTED, keptOff.ramp().state());
    }

    @Test
    void aPausedRampTakesNoStepAndResumingStartsTheHoldAgain() {
        Ramp ramp = started();
        clock.advance(Duration.ofMinutes(3));
        Ramp paused = assertInstanceOf(RampChange.Moved.class, ramp.pause(clock.instant())).ramp();
        assertEquals(Optional.empty(), paused.nextStepAt());
        assertEquals(10, paused.percent(), "a paused ramp keeps its share");

        assertInstanceOf(RampChange.Unchanged.class, tickFor(paused, Duration.ofMinutes(10), healthy(500)));

        RampChange.Moved resumed = assertInstanceOf(RampChange.Moved.class, paused.resume(clock.instant()));
        assertEquals(new RampMove.Resumed(10), resumed.move());
        assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(5))), resumed.ramp().nextStepAt());
    }

    @Test
    void aPausedRampStillRollsBackWhenItsShareFails() {
        Ramp paused = current(started().pause(clock.instant()));

        RampChange change = paused.tick(clock.instant().plusSeconds(30), failing(100, 60), LIMITS);

        assertEquals(RampState.ROLLED_BACK, current(change).state());
    }

    @Test
    void completeByAPersonGoesTo100AtOnce() {
        RampChange.Moved done = assertInstanceOf(RampChange.Moved.class, started().complete(clock.instant()));

        assertEquals(RampState.COMPLETED, done.ramp().state());
        assertTrue(assertInstanceOf(RampMove.Completed.class, done.move()).byPerson());
    }

    @Test
    void abortLeavesTheTargetOff() {
        RampChange.Moved aborted = assertInstanceOf(RampChange.Moved.class, started().abort(clock.instant()));

        assertEquals(new RampMove.Aborted(10, false), aborted.move());
        assertEquals(0, aborted.ramp().percent());
        assertEquals(Optional.empty(), aborted.ramp().share());
    }

    /** Every command against every state: allowed where the docs say, refused (as a value) elsewhere. */
    @ParameterizedTest
    @EnumSource(RampState.class)
    void commandsThatDoNotFitTheStateAreRefusedAndChangeNothing(RampState state) {
        Ramp ramp = inState(state);
        List<Command> commands = List.of(
                new Command("pause", Ramp::pause, EnumSet.of(RampState.RUNNING)),
                new Command("resume", Ramp::resume, EnumSet.of(RampState.PAUSED)),
                new Command("retry", Ramp::retry, EnumSet.of(RampState.ROLLED_BACK)),
                new Command("complete", Ramp::complete,
                        EnumSet.of(RampState.RUNNING, RampState.PAUSED, RampState.ROLLED_BACK)),
                new Command("abort", Ramp::abort,
                        EnumSet.of(RampState.RUNNING, RampState.PAUSED, RampState.ROLLED_BACK)));
        for (Command command : commands) {
            RampChange change = command.apply.apply(ramp, clock.instant());
            if (command.allowed.contains(state)) {
                assertInstanceOf(RampChange.Moved.class, change, command.name + " in " + state);
            } else {
                assertEquals(new RampChange.Refused(new RampRefusal.NotNow(GPT_5, state, command.name)), change,
                        command.name + " in " + state);
            }
        }
    }

    @Test
    void aRampReadBackAfterARestartMidStepKeepsItsHold() {
        Ramp ramp = current(tickFor(started(), Duration.ofMinutes(3), healthy(200)));
        // What the database keeps is the record itself: a copy made field by field is the ramp after a restart.
        Ramp restarted = new Ramp(ramp.target(), ramp.steps(), ramp.hold(), ramp.minRequests(), ramp.state(),
                ramp.step(), ramp.startedAt(), ramp.stepSince(), ramp.holdSince(), ramp.evidence(), ramp.rollbacks(),
                ramp.knownFiring(), ramp.lastHold());
        clock.advance(Duration.ofMinutes(1)); // the restart took a minute

        RampChange change = tickFor(restarted, Duration.ofMinutes(1), RampSample.quiet(WINDOW));

        assertEquals(Instant.parse("2026-12-06T12:45:00Z"), clock.instant(), "the step ends when it was due");
        RampMove.Advanced move = assertInstanceOf(RampMove.Advanced.class,
                assertInstanceOf(RampChange.Moved.class, change).move());
        assertFalse(move.withoutTraffic(), "the traffic seen before the restart still counts");
    }

    private Ramp inState(RampState state) {
        Ramp running = started();
        return switch (state) {
            case RUNNING -> running;
            case PAUSED -> current(running.pause(clock.instant()));
            case ROLLED_BACK -> current(running.tick(clock.instant(), failing(100, 100), LIMITS));
            case COMPLETED -> current(running.complete(clock.instant()));
            case ABORTED -> current(running.abort(clock.instant()));
        };
    }

    private record Command(String name, BiFunction<Ramp, Instant, RampChange> apply, EnumSet<RampState> allowed) {
    }
}
