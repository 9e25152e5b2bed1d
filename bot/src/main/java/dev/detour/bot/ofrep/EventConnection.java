package dev.detour.bot.ofrep;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One client's event stream, as the publisher of its response body. It holds at most one frame the client has not
 * taken yet: a newer change event replaces an older one (a client needs only the latest ETag to refetch), and a
 * heartbeat is dropped while anything waits. So a client that reads slowly costs one frame of memory and never
 * holds up the others or the flag swap; one that reads nothing for {@code slowClientLimit} is closed
 * ({@link #closeIfStuck}). Frames go out only as the server asks for them (the socket can take more).
 */
final class EventConnection implements Publisher<byte[]>, Subscription {
    private final AtomicReference<SseFrame> pending = new AtomicReference<>();
    private final AtomicLong pendingSinceNanos = new AtomicLong();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger draining = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean terminated = new AtomicBoolean();
    private final Consumer<EventConnection> onClose;
    private volatile Subscriber<? super byte[]> subscriber;
    private volatile boolean closeRequested;

    EventConnection(SseFrame first, Consumer<EventConnection> onClose) {
        this.onClose = onClose;
        if (first != null) {
            pending.set(first);
            pendingSinceNanos.set(System.nanoTime());
        }
    }

    @Override
    public void subscribe(Subscriber<? super byte[]> s) {
        if (subscriber != null) {
            s.onSubscribe(this);
            s.onError(new IllegalStateException("an event stream has one reader"));
            return;
        }
        subscriber = s;
        s.onSubscribe(this);
        drain();
    }

    /** A change event replaces anything waiting; the newest ETag is all a client needs. */
    void change(SseFrame.Refetch event) {
        if (pending.getAndSet(event) == null) {
            pendingSinceNanos.set(System.nanoTime());
        }
        drain();
    }

    /** A heartbeat only when nothing waits: a client still behind needs no more bytes. */
    void heartbeat() {
        if (pending.compareAndSet(null, new SseFrame.Heartbeat())) {
            pendingSinceNanos.set(System.nanoTime());
        }
        drain();
    }

    /** Closes the stream when a frame has waited longer than {@code limitNanos}; true when it did. */
    boolean closeIfStuck(long nowNanos, long limitNanos) {
        if (pending.get() != null && nowNanos - pendingSinceNanos.get() > limitNanos) {
            closeRequested = true;
            drain();
            return true;
        }
        return false;
    }

    /** The server is stopping, or a test ends: the client reconnects elsewhere. */
    void close() {
        closeRequested = true;
        drain();
    }

    boolean isOpen() {
        return !closed.get();
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            closeRequested = true;
        } else {
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
        }
        drain();
    }

    @Override
    public void cancel() {
        terminated.set(true);
        release();
    }

    /** Signals the subscriber from one thread at a time, in order (Reactive Streams §1.3). */
    private void drain() {
        if (draining.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            Subscriber<? super byte[]> s = subscriber;
            if (s == null && closeRequested) {
                release(); // the server never took the body (the client left first): free the place anyway
            } else if (s != null && !terminated.get()) {
                if (closeRequested) {
                    terminated.set(true);
                    release();
                    s.onComplete();
                } else {
                    while (demand.get() > 0) {
                        SseFrame frame = pending.getAndSet(null);
                        if (frame == null) {
                            break;
                        }
                        demand.decrementAndGet();
                        s.onNext(frame.bytes());
                    }
                }
            }
            missed = draining.addAndGet(-missed);
        } while (missed != 0);
    }

    private void release() {
        if (closed.compareAndSet(false, true)) {
            pending.set(null);
            onClose.accept(this);
        }
    }
}
