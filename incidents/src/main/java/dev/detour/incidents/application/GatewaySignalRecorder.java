package dev.detour.incidents.application;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.Transition;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Takes the gateway monitor's health transitions to the database, in the order they happened, and keeps each
 * one until the database has it. The monitor moves on as soon as it reports a transition (it then holds the model
 * as suspect, and says nothing more while it stays so), so a transition the database cannot take now must not be
 * lost: it waits here and is tried again on every {@link #retry()} until it is recorded. Recording runs on a
 * thread of its own, so the gateway's batches are counted without waiting for the database (docs/signals.md).
 * <p>
 * A transition that fails for another reason than an unreachable database (a bug, a constraint) is tried a few
 * times and then given up with an error in the log, so that one bad transition cannot hold back all later ones.
 */
@Singleton
public class GatewaySignalRecorder {
    /** Far more than the monitor's flap damping lets models change in an outage of hours. */
    static final int MAX_WAITING = 1_000;
    /** Attempts for a transition that fails while the database answers. */
    static final int MAX_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(GatewaySignalRecorder.class);

    private final SignalService signals;
    /** Transitions not recorded yet, oldest first, each with the future its submitter may wait on. */
    private final LinkedList<Waiting> waiting = new LinkedList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread recorder = new Thread(runnable, "gateway-signal-recorder");
        recorder.setDaemon(true);
        return recorder;
    });
    /** Whether a pass over {@link #waiting} is queued on the thread (later requests join it). */
    private final AtomicBoolean passQueued = new AtomicBoolean();
    /** Touched only on the recorder thread. */
    private int attemptsOfFirst;
    private boolean databaseWasDown;

    public GatewaySignalRecorder(SignalService signals) {
        this.signals = signals;
    }

    /** @param together transitions submitted together share it, and are recorded in one transaction */
    private record Waiting(Signal signal, long together, CompletableFuture<Void> recorded) {
        Waiting alone(long number) {
            return new Waiting(signal, number, recorded);
        }
    }

    /** Numbers the submissions; touched under the lock of {@link #waiting}. */
    private long submissions;

    /**
     * Queues transitions for recording and starts recording them at once.
     *
     * @return completes once all of them are recorded (or given up); never fails
     */
    public CompletableFuture<Void> submit(Collection<Signal> transitions) {
        if (transitions.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<?>[] recorded = new CompletableFuture<?>[transitions.size()];
        int i = 0;
        synchronized (waiting) {
            long together = ++submissions;
            for (Signal signal : transitions) {
                if (waiting.size() >= MAX_WAITING) {
                    Waiting dropped = waiting.removeFirst();
                    LOG.error("{} gateway signals wait for the database; the oldest, for {}, is dropped: {}",
                            MAX_WAITING, dropped.signal().targets(), dropped.signal().evidence().data());
                    dropped.recorded().complete(null);
                }
                Waiting entry = new Waiting(signal, together, new CompletableFuture<>());
                waiting.addLast(entry);
                recorded[i++] = entry.recorded();
            }
        }
        retry();
        return CompletableFuture.allOf(recorded);
    }

    /** Tries the waiting transitions again, if any (called regularly by {@link GatewaySignals#check()}). */
    public void retry() {
        if (waitingCount() > 0 && passQueued.compareAndSet(false, true)) {
            try {
                thread.execute(this::recordWaiting);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                passQueued.set(false);
            }
        }
    }

    /** How many transitions wait for the database. */
    public int waitingCount() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    /**
     * One pass, on the recorder thread: oldest first, the transitions submitted together at once, stopping at the
     * first that the database does not take.
     */
    private void recordWaiting() {
        passQueued.set(false);
        while (true) {
            List<Waiting> first;
            synchronized (waiting) {
                first = firstTogether();
            }
            if (first.isEmpty()) {
                return;
            }
            Outcome outcome = record(first.stream().map(Waiting::signal).toList());
            if (outcome == Outcome.WAIT) {
                return;
            }
            synchronized (waiting) {
                if (outcome == Outcome.SPLIT) {
                    // One of them fails while the database answers: the others must not share its fate.
                    first.forEach(entry -> waiting.set(waiting.indexOf(entry), entry.alone(++submissions)));
                    continue;
                }
                first.forEach(waiting::remove);
            }
            attemptsOfFirst = 0;
            first.forEach(entry -> entry.recorded().complete(null));
        }
    }

    /** The oldest waiting transition and those submitted with it; under the lock of {@link #waiting}. */
    private List<Waiting> firstTogether() {
        List<Waiting> first = new ArrayList<>();
        for (Waiting entry : waiting) {
            if (!first.isEmpty() && entry.together() != first.get(0).together()) {
                break;
            }
            first.add(entry);
        }
        return first;
    }

    private enum Outcome {
        /** Recorded, or given up. */
        DONE,
        /** Not now: keep them waiting. */
        WAIT,
        /** Failed together while the database answers: try them one at a time. */
        SPLIT
    }

    private Outcome record(List<Signal> batch) {
        List<Target> targets = batch.stream().flatMap(signal -> signal.targets().stream()).toList();
        try {
            // Keyed by the transition: the other replica, judging the same shared counts, may have recorded it
            // already, and a retry after a commit whose answer was lost must not record it twice.
            if (batch.size() == 1) {
                signals.receiveTransition(Transition.of(batch.get(0)), batch.get(0));
            } else {
                signals.receiveTransitions(batch);
            }
            if (databaseWasDown) {
                databaseWasDown = false;
                LOG.info("the database is back: the gateway signal for {} that waited for it is recorded", targets);
            }
            return Outcome.DONE;
        } catch (RuntimeException e) {
            if (unreachable(e)) {
                attemptsOfFirst++;
                if (!databaseWasDown) {
                    databaseWasDown = true;
                    LOG.warn("gateway signal for {} could not be recorded yet, the database is unreachable ({});"
                            + " it is kept and tried again until it is: {}", targets, e.toString(),
                            evidence(batch));
                }
                return Outcome.WAIT;
            }
            if (batch.size() > 1) {
                LOG.warn("gateway signals for {} could not be recorded together; each is tried alone: {}", targets,
                        e.toString());
                return Outcome.SPLIT;
            }
            attemptsOfFirst++;
            if (attemptsOfFirst < MAX_ATTEMPTS) {
                LOG.warn("gateway signal for {} could not be recorded (attempt {} of {}); it is tried again: {}",
                        targets, attemptsOfFirst, MAX_ATTEMPTS, e.toString());
                return Outcome.WAIT;
            }
            LOG.error("gateway signal for {} could not be recorded after {} attempts and is given up: {}",
                    targets, MAX_ATTEMPTS, evidence(batch), e);
            attemptsOfFirst = 0;
            return Outcome.DONE;
        }
    }

    private static String evidence(List<Signal> signals) {
        return signals.stream().map(signal -> signal.evidence().data()).collect(Collectors.joining("; "));
    }

    /** Whether {@code failure} comes from not reaching the database (rather than from what was asked of it). */
    static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            // SQLSTATE class 08 is "connection exception"; 57P0x is PostgreSQL shutting down or starting up.
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
            thread.shutdownNow();
        }
        int left = waitingCount();
        if (left > 0) {
            LOG.warn("stopping with {} gateway signals not recorded (the database was unreachable); the gateway"
                    + " counts start again on the next start", left);
        }
    }
}
