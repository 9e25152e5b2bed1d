package dev.detour.bot.ofrep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.detour.notifications.flags.WebhookPusher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An app's flag webhook over real HTTP: verifies each delivery's signature as a receiver should, records the
 * valid ones, and can fail the first few deliveries with a 500.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Delivery(String idempotencyKey, JsonNode body, int attempt) {
    }

    private final HttpServer server;
    private final String secret;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private volatile int failuresLeft;

    public WebhookReceiver(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/flags", exchange -> {
            int attempt = attempts.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-Detour-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Detour-Signature");
            int status;
            if (timestamp == null || signature == null || !MessageDigest.isEqual(
                    ("sha256=" + WebhookPusher.sign(secret, timestamp + "." + body)).getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8))) {
                badSignatures.incrementAndGet();
                status = 401;
            } else if (failuresLeft > 0) {
                failuresLeft--;
                status = 500;
            } else {
                synchronized (deliveries) {
                    deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                            JSON.readTree(body), attempt));
                    deliveries.notifyAll();
                }
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/flags");
    }

    public void failNext(int times) {
        failuresLeft = times;
    }

    public int attempts() {
        return attempts.get();
    }

    public int badSignatures() {
        return badSignatures.get();
    }

    /** Forgets the deliveries so far, so a test sees only its own. */
    public void clear() {
        synchronized (deliveries) {
            deliveries.clear();
        }
    }

    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** Waits until a delivery says {@code key} has {@code value}; returns that delivery. */
    public Delivery awaitFlag(String key, String value, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (deliveries) {
            while (true) {
                for (Delivery delivery : deliveries) {
                    for (JsonNode flag : delivery.body().path("changed")) {
                        if (flag.path("key").asText().equals(key) && flag.path("value").asText().equals(value)) {
                            return delivery;
                        }
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no delivery set " + key + " to " + value + "; got " + deliveries);
                }
                deliveries.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
