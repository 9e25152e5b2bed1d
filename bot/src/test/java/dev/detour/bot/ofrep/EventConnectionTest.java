package dev.detour.bot.ofrep;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One client's stream: what it holds for a client that does not read, and what it sends once the client reads. */
class EventConnectionTest {
    /** A subscriber that asks for nothing until told, and records what arrives. */
    static final class Client implements Subscriber<byte[]> {
        final List<String> frames = new ArrayList<>();
        Subscription subscription;
        boolean completed;

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(byte[] frame) {
            frames.add(new String(frame, StandardCharsets.UTF_8));
        }

        @Override
        public void onError(Throwable t) {
            throw new AssertionError(t);
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }

    private final AtomicInteger released = new AtomicInteger();

    private void released(EventConnection connection) {
        released.incrementAndGet();
    }

    @Test
    void aClientThatReadsNothingHoldsOnlyTheNewestChange() {
        EventConnection connection = new EventConnection(SseFrame.Refetch.of("\"a\""), this::released);
        Client client = new Client();
        connection.subscribe(client);
        for (String etag : List.of("\"b\"", "\"c\"", "\"d\"")) {
            connection.change(SseFrame.Refetch.of(etag));
            connection.heartbeat();
        }
        assertEquals(List.of(), client.frames, "nothing sent before the client asks");

        client.subscription.request(10);
        assertEquals(List.of("id: \"d\"\ndata: {\"type\":\"refetchEvaluation\",\"etag\":\"\\\"d\\\"\"}\n\n"),
                client.frames, "one event, with the newest ETag; no heartbeat while it waited");
    }

    @Test
    void aHeartbeatGoesOutWhenNothingWaits() {
        EventConnection connection = new EventConnection(null, this::released);
        Client client = new Client();
        connection.subscribe(client);
        client.subscription.request(5);
        connection.heartbeat();
        connection.change(SseFrame.Refetch.of("\"e\""));
        assertEquals(2, client.frames.size());
        assertEquals(": heartbeat\n\n", client.frames.get(0));
        assertTrue(client.frames.get(1).startsWith("id: \"e\"\n"));
    }

    @Test
    void aClientStuckLongerThanTheLimitIsClosedAndFreesItsPlace() {
        EventConnection connection = new EventConnection(SseFrame.Refetch.of("\"a\""), this::released);
        Client client = new Client();
        connection.subscribe(client);
        long now = System.nanoTime();
        assertFalse(connection.closeIfStuck(now, 60_000_000_000L), "within the limit");
        assertTrue(connection.closeIfStuck(now + 61_000_000_000L, 60_000_000_000L));
        assertTrue(client.completed);
        assertFalse(connection.isOpen());
        assertEquals(1, released.get());

        connection.change(SseFrame.Refetch.of("\"b\""));
        client.subscription.request(1);
        assertEquals(List.of(), client.frames, "nothing after the close");
    }

    @Test
    void aClientThatReadsIsNeverStuck() {
        EventConnection connection = new EventConnection(SseFrame.Refetch.of("\"a\""), this::released);
        Client client = new Client();
        connection.subscribe(client);
        client.subscription.request(1);
        assertFalse(connection.closeIfStuck(System.nanoTime() + 120_000_000_000L, 60_000_000_000L));
        assertTrue(connection.isOpen());
    }

    @Test
    void cancellingFreesThePlaceOnce() {
        EventConnection connection = new EventConnection(null, this::released);
        Client client = new Client();
        connection.subscribe(client);
        client.subscription.cancel();
        client.subscription.cancel();
        connection.close();
        assertEquals(1, released.get());
    }

    @Test
    void aStreamWhoseBodyWasNeverReadIsReleasedOnceStuck() {
        EventConnection connection = new EventConnection(SseFrame.Refetch.of("\"a\""), this::released);
        assertTrue(connection.closeIfStuck(System.nanoTime() + 61_000_000_000L, 60_000_000_000L));
        assertFalse(connection.isOpen());
        assertEquals(1, released.get());
    }
}
