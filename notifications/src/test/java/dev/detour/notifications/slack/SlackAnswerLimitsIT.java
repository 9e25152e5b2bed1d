package dev.detour.notifications.slack;

import com.slack.api.Slack;
import com.sun.net.httpserver.HttpServer;
import dev.detour.notifications.http.AnswerTooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Slack Web API (or a proxy in front of it) that answers too much or too slowly costs one failed call, within the
 * call timeout: the SDK's client, as {@link SlackClientFactory} makes it, never reads such an answer whole.
 */
class SlackAnswerLimitsIT {
    private static final String TOKEN = "xoxb-1234567890-0987654321-abcdefghijklmnopqrstuvwx";
    private static final long ONE_GIGABYTE = 1L << 30;
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private HttpServer api;

    @AfterEach
    void stop() throws Exception {
        api.stop(0);
        threads.shutdownNow();
    }

    /** Answers {@code chat.postMessage} with {@code bytes} of JSON whitespace, announced or not, at a pace. */
    private Slack slackAnswering(long announced, long bytes, Duration perChunk) throws IOException {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        api.setExecutor(threads);
        api.createContext("/api/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            try (OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, announced);
                byte[] chunk = new byte[perChunk.isZero() ? 64 * 1024 : 1];
                Arrays.fill(chunk, (byte) ' ');
                for (long sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(chunk);
                    out.flush();
                    Thread.sleep(perChunk.toMillis());
                }
            } catch (IOException | InterruptedException e) {
                // Detour hung up
            }
        });
        api.start();
        String url = "http://127.0.0.1:" + api.getAddress().getPort() + "/api/";
        return new SlackClientFactory().slack(url, new SlackDeliverySettings(TIMEOUT, true, Duration.ofMinutes(2), 3,
                1024 * 1024));
    }

    private IOException postFailsWithin(Duration limit, Slack slack) {
        long started = System.nanoTime();
        IOException failure = assertThrows(IOException.class, () -> slack.methods(TOKEN)
                .chatPostMessage(r -> r.channel("C0INCIDENTS").text("hello")));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(limit) < 0, "failed in " + took.toMillis() + " ms");
        return failure;
    }

    @Test
    void anAnswerAnnouncingAGigabyteIsRefusedUnread() throws Exception {
        try (Slack slack = slackAnswering(ONE_GIGABYTE, ONE_GIGABYTE, Duration.ZERO)) {
            AnswerTooLargeException refused = assertInstanceOf(AnswerTooLargeException.class,
                    postFailsWithin(TIMEOUT.plusSeconds(2), slack));
            assertTrue(refused.announced());
        }
    }

    @Test
    void anAnswerStreamingPastTheLimitIsCutOff() throws Exception {
        try (Slack slack = slackAnswering(0, ONE_GIGABYTE, Duration.ZERO)) {
            assertInstanceOf(AnswerTooLargeException.class, postFailsWithin(TIMEOUT.plusSeconds(2), slack));
        }
    }

    @Test
    void anAnswerSentOneByteASecondIsAbandonedAtTheCallTimeout() throws Exception {
        try (Slack slack = slackAnswering(0, 10, Duration.ofSeconds(1))) {
            assertInstanceOf(InterruptedIOException.class, postFailsWithin(TIMEOUT.plusSeconds(3), slack));
        }
    }
}
