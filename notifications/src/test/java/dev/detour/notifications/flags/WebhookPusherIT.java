package dev.detour.notifications.flags;

import com.sun.net.httpserver.HttpServer;
import dev.detour.incidents.catalog.Sink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A receiving app that answers too much, or too slowly, costs one push attempt at most, never the dispatcher. */
class WebhookPusherIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final long ONE_GIGABYTE = 1L << 30;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private HttpServer sink;

    private final WebhookPusher pusher = new WebhookPusher(new Secrets() {
        @Override
        public Optional<String> get(String environmentVariable) {
            return Optional.of("whsec-0123456789abcdef");
        }
    }, Clock.systemUTC(), new FlagPushSettings(TIMEOUT));

    @AfterEach
    void stop() {
        sink.stop(0);
        threads.shutdownNow();
    }

    private Sink.Webhook sinkAnswering(int status, long announced, long bytes, Duration perByte) throws IOException {
        sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        sink.setExecutor(threads);
        sink.createContext("/flags", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try (OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(status, announced);
                byte[] chunk = new byte[perByte.isZero() ? 64 * 1024 : 1];
                for (long sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(chunk);
                    out.flush();
                    Thread.sleep(perByte.toMillis());
                }
            } catch (IOException | InterruptedException e) {
                // the pusher hung up
            }
        });
        sink.start();
        return new Sink.Webhook("apps", URI.create("http://127.0.0.1:" + sink.getAddress().getPort() + "/flags"),
                "DETOUR_WEBHOOK_SECRET");
    }

    private PushResult pushWithin(Duration limit, Sink.Webhook webhook) {
        long started = System.nanoTime();
        PushResult result = pusher.push(webhook, "key-1", "{\"flags\":{}}");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(limit) < 0, "answered in " + took.toMillis() + " ms");
        return result;
    }

    @Test
    void aSinkThatSendsItsAnswerOneByteASecondIsRetriedLaterOnceTheDeadlinePasses() throws IOException {
        Sink.Webhook webhook = sinkAnswering(200, 0, 10, Duration.ofSeconds(1));

        PushResult result = pushWithin(TIMEOUT.plusSeconds(1), webhook);

        assertEquals(new PushResult.Retry("HttpTimeoutException: no complete answer within 1 s"), result);
    }

    @Test
    void aSinkThatAcceptsWithAGigabyteAnswerIsDeliveredWithoutReadingIt() throws IOException {
        Sink.Webhook webhook = sinkAnswering(200, 0, ONE_GIGABYTE, Duration.ZERO);

        assertEquals(new PushResult.Delivered(), pushWithin(TIMEOUT, webhook));
    }

    @Test
    void aSinkThatAnnouncesAGigabyteWithAnErrorIsRetriedByItsStatus() throws IOException {
        Sink.Webhook webhook = sinkAnswering(503, ONE_GIGABYTE, ONE_GIGABYTE, Duration.ZERO);

        assertEquals(new PushResult.Retry("HTTP 503"), pushWithin(TIMEOUT, webhook));
    }
}
