package dev.detour.incidents.application;

import dev.detour.incidents.signals.SignalEvidence;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.Transition;
import dev.detour.incidents.testing.Await;
import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewaySignalRecorderTest {
    private static final Instant AT = Instant.parse("2026-06-07T07:12:00Z");

    /** A SignalService whose database refuses the first {@code refusals} calls with {@code failure}. */
    private static final class Database extends SignalService {
        final List<Signal> recorded = new CopyOnWriteArrayList<>();
        /** The signals of each transaction, in order. */
        final List<List<Signal>> transactions = new CopyOnWriteArrayList<>();
        /** A signal the database refuses for another reason than being down, every time. */
        Signal refused;
        final AtomicInteger refusals;
        final RuntimeException failure;

        Database(int refusals, RuntimeException failure) {
            super(null, null, null, null, null, null, null, null, null, null, null);
            this.refusals = new AtomicInteger(refusals);
            this.failure = failure;
        }

        @Override
        public boolean receiveTransition(Transition transition, Signal signal) {
            if (refusals.getAndDecrement() > 0) {
                throw failure;
            }
            if (signal.equals(refused)) {
                throw new IllegalStateException("a bug");
            }
            recorded.add(signal);
            transactions.add(List.of(signal));
            return true;
        }

        /** One transaction: all of them or none. */
        @Override
        public int receiveTransitions(List<Signal> signals) {
            if (refusals.getAndDecrement() > 0) {
                throw failure;
            }
            if (signals.contains(refused)) {
                throw new IllegalStateException("a bug");
            }
            recorded.addAll(signals);
            transactions.add(List.copyOf(signals));
            return signals.size();
        }
    }

    private static Signal signal(dev.detour.incidents.catalog.ModelId model, boolean firing) {
        return new Signal("gateway", List.of(Target.model(model)), firing, Signal.Severity.DEGRADED,
                Signal.Side.PROVIDER, new SignalEvidence.Alert("HighErrorRate", "error rate 100%"), AT);
    }

    private static RuntimeException unreachable() {
        return new IllegalStateException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
    }

    /** Retries as GatewaySignals.check() does every second, only faster, until {@code done}. */
    private static void retryUntil(GatewaySignalRecorder recorder, java.util.function.BooleanSupplier done) {
        Await.await(() -> {
            if (!done.getAsBoolean()) {
                recorder.retry();
            }
            return done.getAsBoolean();
        }, Duration.ofSeconds(10), "the recorder to record every transition");
    }

    @Test
    void transitionsTheDatabaseRefusesWaitAndAreRecordedInOrderOnceItTakesThem() throws Exception {
        Database database = new Database(3, unreachable());
        GatewaySignalRecorder recorder = new GatewaySignalRecorder(database);
        Signal opus = signal(OPUS_48, true);
        Signal gpt = signal(GPT_5, true);
        Signal opusAgain = signal(OPUS_48, false);

        recorder.submit(List.of(opus, gpt));
        recorder.submit(List.of(opusAgain));
        retryUntil(recorder, () -> recorder.waitingCount() == 0);

        assertEquals(List.of(opus, gpt, opusAgain), database.recorded, "each once, in the order they happened");
        recorder.stop();
    }

    @Test
    void transitionsSeenTogetherAreRecordedInOneTransactionSoTheThreadTellsThemAsOneBurst() throws Exception {
        Database database = new Database(0, unreachable());
        GatewaySignalRecorder recorder = new GatewaySignalRecorder(database);
        Signal opus48 = signal(OPUS_48, true);
        Signal opus47 = signal(dev.detour.incidents.SeedCatalog.OPUS_47, true);
        Signal gpt = signal(GPT_5, true);

        recorder.submit(List.of(opus48, opus47)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        recorder.submit(List.of(gpt)).get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertEquals(List.of(List.of(opus48, opus47), List.of(gpt)), database.transactions);
        recorder.stop();
    }

    @Test
    void oneTransitionThatFailsWhileTheDatabaseAnswersDoesNotKeepTheOnesSeenWithItFromBeingRecorded()
            throws Exception {
        Database database = new Database(0, unreachable());
        GatewaySignalRecorder recorder = new GatewaySignalRecorder(database);
        Signal opus48 = signal(OPUS_48, true);
        Signal gpt = signal(GPT_5, true);
        database.refused = opus48;

        var done = recorder.submit(List.of(opus48, gpt));
        retryUntil(recorder, done::isDone);

        assertEquals(List.of(gpt), database.recorded, "the other is recorded alone; the failing one is given up");
        recorder.stop();
    }

    @Test
    void aTransitionThatFailsWhileTheDatabaseAnswersIsGivenUpAfterFiveAttempts() throws Exception {
        Database database = new Database(Integer.MAX_VALUE, new IllegalStateException("a bug"));
        GatewaySignalRecorder recorder = new GatewaySignalRecorder(database);
        var done = recorder.submit(List.of(signal(OPUS_48, true)));
        retryUntil(recorder, done::isDone);
        assertEquals(0, recorder.waitingCount(), "it does not hold back the transitions after it");
        assertTrue(database.recorded.isEmpty());
        recorder.stop();
    }

    @Test
    void onlyFailuresToReachTheDatabaseCountAsItBeingDown() {
        assertTrue(GatewaySignalRecorder.unreachable(unreachable()));
        assertTrue(GatewaySignalRecorder.unreachable(new RuntimeException(new java.sql.SQLException(
                "terminating connection due to administrator command", "57P01"))));
        assertFalse(GatewaySignalRecorder.unreachable(new RuntimeException(new java.sql.SQLException(
                "value too long for type character varying(4000)", "22001"))));
        assertFalse(GatewaySignalRecorder.unreachable(new IllegalStateException("a bug")));
    }
}
