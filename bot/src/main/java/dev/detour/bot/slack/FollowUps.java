package dev.detour.bot.slack;

import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work that follows Slack acknowledgements, at most {@code detour.slack.follow-up-queue} items waiting or
 * running at once. Beyond that a request is refused at once (the person is told to try again) rather than queued:
 * an answer that comes many minutes late is no use in an incident, and an unbounded queue under a flood of
 * commands grows until the heap runs out. The threads are Micronaut's executor {@code slack-follow-up}.
 * <p>
 * Work of one key (one person) runs one item at a time, in the order it was offered, so that a person's second
 * command never overtakes their first while that one waits on a lock (docs/slack.md); different people's work
 * runs in parallel. Nobody waits for this on the acknowledgement: offering only queues.
 */
@Singleton
public class FollowUps {
    static final String EXECUTOR = "slack-follow-up";

    private final ExecutorService threads;
    private final int bound;
    private final AtomicInteger taken = new AtomicInteger();
    /** Per key with work running: what waits behind it, in order. Guarded by itself. */
    private final Map<String, Queue<Runnable>> behind = new HashMap<>();

    public FollowUps(@Named(EXECUTOR) ExecutorService threads,
                     FollowUpSettings settings) {
        this.threads = threads;
        this.bound = settings.followUpQueue();
    }

    /**
     * @param key whose work it is: work of one key runs in the order offered, one item at a time
     * @return false when the follow-ups are full: nothing was queued
     */
    public boolean offer(String key, Runnable work) {
        if (taken.incrementAndGet() > bound) {
            taken.decrementAndGet();
            return false;
        }
        synchronized (behind) {
            Queue<Runnable> queue = behind.get(key);
            if (queue != null) {
                queue.add(work);
                return true;
            }
            behind.put(key, new ArrayDeque<>());
        }
        return start(key, work);
    }

    private boolean start(String key, Runnable work) {
        try {
            threads.execute(() -> runInTurn(key, work));
            return true;
        } catch (RejectedExecutionException stopping) {
            synchronized (behind) {
                Queue<Runnable> dropped = behind.remove(key);
                taken.addAndGet(-1 - (dropped == null ? 0 : dropped.size()));
            }
            return false;
        }
    }

    /** Runs one item, then hands the key's next one back to the pool, so that one busy key cannot hog a thread. */
    private void runInTurn(String key, Runnable work) {
        try {
            work.run();
        } finally {
            taken.decrementAndGet();
            Runnable next;
            synchronized (behind) {
                next = behind.get(key).poll();
                if (next == null) {
                    behind.remove(key);
                }
            }
            if (next != null) {
                start(key, next);
            }
        }
    }

    /** Waiting or running now. */
    int taken() {
        return taken.get();
    }
}
