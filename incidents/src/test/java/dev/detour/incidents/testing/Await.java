package dev.detour.incidents.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Waiting in tests for something another thread or process does: polls a condition until it holds, and a wait
 * that runs out fails saying what it waited for (and, for a value, what it last saw). Use it instead of sleeping
 * and hoping; {@link #holdsFor} checks that something stays true for a while (no duplicate arrives, nothing
 * changes), which no wait for a condition can show.
 */
public final class Await {
    /** Short enough that a test does not wait noticeably longer than the thing it waits for. */
    private static final Duration PAUSE = Duration.ofMillis(20);

    private Await() {
    }

    /** A condition that may throw, so tests can read files or HTTP answers in it. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** A value read again on every try. */
    @FunctionalInterface
    public interface Probe<T> {
        T read() throws Exception;
    }

    /** Waits until {@code condition} holds; fails with "{@code what}" once {@code timeout} has passed. */
    public static void await(Condition condition, Duration timeout, String what) {
        await(condition::holds, Boolean::booleanValue, timeout, what);
    }

    /**
     * Reads {@code probe} until {@code done} accepts its value and returns that value; fails with "{@code what}"
     * and the last value read once {@code timeout} has passed.
     */
    public static <T> T await(Probe<T> probe, Predicate<? super T> done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = read(probe, what);
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + timeout + " for " + what + "; last saw: " + value);
            }
            pause();
        }
    }

    /** Checks {@code condition} again and again for {@code period}; fails at once, saying "{@code what}", if it breaks. */
    public static void holdsFor(Duration period, Condition condition, String what) {
        long end = System.nanoTime() + period.toNanos();
        do {
            if (!read(condition::holds, what)) {
                throw new AssertionError("expected to stay true for " + period + ", but broke: " + what);
            }
            pause();
        } while (System.nanoTime() - end < 0);
        if (!read(condition::holds, what)) {
            throw new AssertionError("expected to stay true for " + period + ", but broke: " + what);
        }
    }

    private static <T> T read(Probe<T> probe, String what) {
        try {
            return probe.read();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        } catch (Exception e) {
            throw new AssertionError("could not check " + what + ": " + Objects.toString(e.getMessage(), ""), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
