package dev.detour.bot.slack;

import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work that follows Slack acknowledgements, at most {@code detour.slack.follow-up-queue} items waiting or
 * running at once. Beyond that a request is refused at once (the person is told to try again) rather than queued:
 * an answer that comes many minutes late is no use in an incident, and an unbounded queue under a flood of
 * commands grows until the heap runs out. The threads are Micronaut's executor {@code slack-follow-up}.
 */
@Singleton
public class FollowUps {
    static final String EXECUTOR = "slack-follow-up";

    private final ExecutorService threads;
    private final int bound;
    private final AtomicInteger taken = new AtomicInteger();

    public FollowUps(@Named(EXECUTOR) ExecutorService threads,
                     FollowUpSettings settings) {
        this.threads = threads;
        this.bound = settings.followUpQueue();
    }

    /** @return false when the follow-ups are full: nothing was queued */
    public boolean offer(Runnable work) {
        if (taken.incrementAndGet() > bound) {
            taken.decrementAndGet();
            return false;
        }
        try {
            threads.execute(() -> {
                try {
                    work.run();
                } finally {
                    taken.decrementAndGet();
                }
            });
            return true;
        } catch (RejectedExecutionException stopping) {
            taken.decrementAndGet();
            return false;
        }
    }

    /** Waiting or running now. */
    int taken() {
        return taken.get();
    }
}
