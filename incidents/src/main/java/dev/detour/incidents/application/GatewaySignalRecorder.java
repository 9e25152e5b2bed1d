package dev.detour.incidents.application;

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
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final Deque<Waiting> waiting = new ArrayDeque<>();
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

    private record Waiting(Signal signal, CompletableFuture<Void> recorded) {
    }

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
            for (Signal signal : transitions) {
                if (waiting.size() >= MAX_WAITING) {
                    Waiting dropped = waiting.removeFirst();
                    LOG.error("{} gateway signals wait for the database; the oldest, for {}, is dropped: {}",
                            MAX_WAITING, dropped.signal().targets(), dropped.signal().evidence().data());
                    dropped.recorded().complete(null);
                }
                Waiting entry = new Waiting(signal, new CompletableFuture<>());
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

    /** One pass, on the recorder thread: oldest first, stopping at the first that the database does not take. */
    private void recordWaiting() {
        passQueued.set(false);
        while (true) {
            Waiting first;
            synchronized (waiting) {
                first = waiting.peekFirst();
            }
            if (first == null || !record(first.signal())) {
                return;
            }
            synchronized (waiting) {
                waiting.remove(first);
            }
            attemptsOfFirst = 0;
            first.recorded().complete(null);
        }
    }

    /** @return whether {@code signal} is done with: recorded, or given up */
    private boolean record(Signal signal) {
        try {
            // Keyed by the transition: the other replica, judging the same shared counts, may have recorded it
            // already, and a retry after a commit whose answer was lost must not record it twice.
            signals.receiveTransition(Transition.of(signal), signal);
            if (databaseWasDown) {
                databaseWasDown = false;
                LOG.info("the database is back: the gateway signal for {} that waited for it is recorded",
                        signal.targets());
            }
            return true;
        } catch (RuntimeException e) {
            attemptsOfFirst++;
            if (unreachable(e)) {
                if (!databaseWasDown) {
                    databaseWasDown = true;
                    LOG.warn("gateway signal for {} could not be recorded yet, the database is unreachable ({});"
                            + " it is kept and tried again until it is: {}", signal.targets(), e.toString(),
                            signal.evidence().data());
                }
                return false;
            }
            if (attemptsOfFirst < MAX_ATTEMPTS) {
                LOG.warn("gateway signal for {} could not be recorded (attempt {} of {}); it is tried again: {}",
                        signal.targets(), attemptsOfFirst, MAX_ATTEMPTS, e.toString());
                return false;
            }
            LOG.error("gateway signal for {} could not be recorded after {} attempts and is given up: {}",
                    signal.targets(), MAX_ATTEMPTS, signal.evidence().data(), e);
            attemptsOfFirst = 0;
            return true;
        }
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
