package dev.detour.bot.slack;

import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets Slack requests being acknowledged go before the work that follows them. Slack waits 3 s for an
 * acknowledgement and gives up on the command after that; the answer that follows may take much longer. So a
 * follow-up waits while acknowledgements are in progress, but never longer than {@code detour.slack.follow-up-wait}
 * after it was queued, so that steady traffic cannot starve it.
 */
@Singleton
public class AcknowledgementsFirst {
    private final AtomicInteger inProgress = new AtomicInteger();
    private final Object quiet = new Object();
    private final long maxWaitNanos;

    public AcknowledgementsFirst(FollowUpSettings settings) {
        this.maxWaitNanos = settings.followUpWait().toNanos();
    }

    public void started() {
        inProgress.incrementAndGet();
    }

    public void finished() {
        if (inProgress.decrementAndGet() == 0) {
            synchronized (quiet) {
                quiet.notifyAll();
            }
        }
    }

    /** Runs the follow-up once no acknowledgement is in progress, or once it has waited its longest. */
    public Runnable after(Runnable followUp) {
        long queued = System.nanoTime();
        return () -> {
            awaitQuiet(queued + maxWaitNanos);
            followUp.run();
        };
    }

    private void awaitQuiet(long deadline) {
        synchronized (quiet) {
            long left;
            while (inProgress.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    quiet.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
