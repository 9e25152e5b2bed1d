package dev.detour.bot.ofrep;

import dev.detour.notifications.flags.EventStreamClients;
import dev.detour.incidents.flags.FlagsChanged;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.queries.CurrentFlags;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OFREP event streams this replica holds (docs/flags.md, "Change events"). Every swap of the flag snapshot,
 * whether this replica's commit made it or another replica's did (found by {@link CurrentFlags}'s routing-version
 * sync), sends each stream one {@code refetchEvaluation} event with the new ETag. The swap only marks the change
 * and hands the fan-out to a thread of its own, so it never waits for the streams; swaps that come faster than one
 * fan-out are folded into one (the newest ETag).
 */
@Singleton
public class EventStreams implements EventStreamClients {
    private final CurrentFlags flags;
    private final OfrepEventSettings settings;
    private final Set<EventConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong closedSlow = new AtomicLong();
    private final AtomicBoolean fanOutQueued = new AtomicBoolean();
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ofrep-events");
        thread.setDaemon(true);
        return thread;
    });

    public EventStreams(CurrentFlags flags, OfrepEventSettings settings) {
        this.flags = flags;
        this.settings = settings;
    }

    /**
     * A new stream, or empty when this replica holds its maximum. A client that last saw the current ETag
     * ({@code Last-Event-ID}) gets nothing until the next change; any other value (none, unknown, malformed) gets
     * the current state at once, so it refetches.
     */
    Optional<EventConnection> open(String lastEventId) {
        if (count.incrementAndGet() > settings.maxConnections()) {
            count.decrementAndGet();
            refused.incrementAndGet();
            return Optional.empty();
        }
        String etag = flags.get().etag();
        SseFrame first = etag.equals(lastEventId) ? null : SseFrame.Refetch.of(etag);
        EventConnection connection = new EventConnection(first, this::closed);
        open.add(connection);
        String now = flags.get().etag();
        if (!now.equals(etag)) {
            connection.change(SseFrame.Refetch.of(now)); // a swap between reading the ETag and joining the set
        }
        return Optional.of(connection);
    }

    /** Streams open now. */
    @Override
    public int connected() {
        return count.get();
    }

    /** Streams refused since start because this replica held its maximum. */
    public long refused() {
        return refused.get();
    }

    /** Streams closed since start because their client read nothing for {@code slow-client-limit}. */
    public long closedSlow() {
        return closedSlow.get();
    }

    @EventListener
    void onFlagsChanged(FlagsChanged changed) {
        if (fanOutQueued.compareAndSet(false, true)) {
            try {
                fanOut.execute(this::tellEveryone);
            } catch (RejectedExecutionException stopping) {
                fanOutQueued.set(false); // shutting down: the streams are closed, nobody is left to tell
            }
        }
    }

    private void tellEveryone() {
        fanOutQueued.set(false);
        SseFrame.Refetch event = SseFrame.Refetch.of(flags.get().etag());
        for (EventConnection connection : open) {
            connection.change(event);
        }
    }

    /** A comment on every stream, and streams whose client stopped reading closed. */
    @Job("ofrep-heartbeat")
    @Scheduled(fixedDelay = "${detour.ofrep.heartbeat:15s}", initialDelay = "${detour.ofrep.heartbeat:15s}")
    public void heartbeat() {
        long now = System.nanoTime();
        long limit = settings.slowClientLimit().toNanos();
        for (EventConnection connection : open) {
            if (connection.closeIfStuck(now, limit)) {
                closedSlow.incrementAndGet();
            } else {
                connection.heartbeat();
            }
        }
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        closeAll();
    }

    @PreDestroy
    void closeAll() {
        open.forEach(EventConnection::close);
        fanOut.shutdownNow();
    }

    private void closed(EventConnection connection) {
        if (open.remove(connection)) {
            count.decrementAndGet();
        }
    }
}
