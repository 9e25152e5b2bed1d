package dev.detour.bot.outage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.process.DetourProcess;
import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.LocalPostgres;
import dev.detour.incidents.testing.WithLocalPostgres;
import dev.detour.notifications.testing.FakeSlack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged jar on a PostgreSQL server of the test's own, which is stopped for 90 s while a gateway and an app
 * keep sending: OFREP serves the last snapshot, {@code /api/status} answers at once, gateway batches are answered
 * without waiting for the database, and a model that crosses its threshold during the outage opens its incident
 * after the database returns, with each Slack post once.
 */
@WithLocalPostgres
class PostgresOutageIT {
    private static final String TOKEN = "xoxb-1234567890-0987654321-abcdefghijklmnopqrstuvwx";
    private static final String SIGNAL_TOKEN = "signal-token-for-the-outage-test";
    private static final Duration OUTAGE = Duration.ofSeconds(90);
    /** What "at once" means here: far below the 3 s the pool waits for a connection. */
    private static final Duration AT_ONCE = Duration.ofSeconds(1);
    /** A gateway batch that changes a model's health waits at most gateway-record-wait (1 s) for the database. */
    private static final Duration GATEWAY_BOUND = Duration.ofMillis(2_000);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void ninetySecondsWithoutPostgresUnderTrafficLoseNeitherFlagsNorTheSignalCrossedMeanwhile() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(); FakeSlack slack = FakeSlack.start(TOKEN)) {
            for (String channel : List.of("C0INCIDENTS", "C0SUPPORT", "C0MANAGERS")) {
                slack.addChannel(channel, true);
            }
            try (DetourProcess detour = DetourProcess.start(directory, environment(postgres, slack))) {
                detour.awaitHealthy(http);
                assertEquals("true", ofrep(detour).path("value").asText(), "before the outage");

                postgres.stop();
                long ends = System.nanoTime() + OUTAGE.toNanos();
                int evaluations = 0;
                int batches = 0;
                long slowestOfrep = 0;
                long slowestStatus = 0;
                long slowestBatch = 0;
                while (System.nanoTime() < ends) {
                    long started = System.nanoTime();
                    JsonNode flag = ofrep(detour);
                    slowestOfrep = Math.max(slowestOfrep, System.nanoTime() - started);
                    assertEquals("true", flag.path("value").asText(), "the last snapshot: " + flag);
                    evaluations++;

                    started = System.nanoTime();
                    HttpResponse<String> batch = post(detour, "/signals/gateway", failingBatch("claude-opus-4-8"));
                    slowestBatch = Math.max(slowestBatch, System.nanoTime() - started);
                    assertEquals(202, batch.statusCode(), batch.body());
                    batches++;

                    if (evaluations % 20 == 1) {
                        started = System.nanoTime();
                        HttpResponse<String> status = get(detour, "/api/status");
                        slowestStatus = Math.max(slowestStatus, System.nanoTime() - started);
                        assertEquals(200, status.statusCode(), status.body());
                        assertTrue(JSON.readTree(status.body()).path("models").size() > 0, status.body());
                    }
                    Thread.sleep(250); // the gateway's and the app's own pace
                }
                System.out.printf("[outage] %d OFREP evaluations (slowest %d ms), %d gateway batches (slowest %d ms),"
                        + " /api/status slowest %d ms%n", evaluations, slowestOfrep / 1_000_000, batches,
                        slowestBatch / 1_000_000, slowestStatus / 1_000_000);
                assertTrue(Duration.ofNanos(slowestOfrep).compareTo(AT_ONCE) < 0, "OFREP " + slowestOfrep);
                assertTrue(Duration.ofNanos(slowestStatus).compareTo(AT_ONCE) < 0, "/api/status " + slowestStatus);
                assertTrue(Duration.ofNanos(slowestBatch).compareTo(GATEWAY_BOUND) < 0, "gateway " + slowestBatch);
                assertTrue(detour.output().contains("could not be recorded yet"), "the log says why it waits");

                postgres.startServer();
                FakeSlack.Call ask = slack.awaitCall("chat.postMessage", call -> call.param("text") != null
                        && call.param("text").contains("Switch it off?"), WAIT);
                assertTrue(ask.param("text").contains("claude-opus-4-8") || ask.param("text").contains("Opus 4.8"),
                        ask.param("text"));
                JsonNode open = awaitOpenIncident(detour);
                assertTrue(open.path("affected").toString().contains("model:claude-opus-4-8"), open.toString());
                Await.holdsFor(Duration.ofMillis(1_500), () -> slack.calls("chat.postMessage").stream()
                        .filter(FakeSlack.Call::ok).map(call -> call.param("channel") + "|" + call.param("thread_ts")
                                + "|" + call.param("text")).distinct().count() == slack.calls("chat.postMessage")
                                .stream().filter(FakeSlack.Call::ok).count(), "nothing is posted twice");
                Map<String, Long> copies = slack.calls("chat.postMessage").stream().filter(FakeSlack.Call::ok)
                        .collect(Collectors.groupingBy(call -> call.param("channel") + "|" + call.param("thread_ts")
                                + "|" + call.param("text"), Collectors.counting()));
                copies.forEach((post, count) -> assertEquals(1L, count, "posted once: " + post));
            }
        }
    }

    private JsonNode awaitOpenIncident(DetourProcess detour) {
        HttpResponse<String> response = Await.await(() -> get(detour, "/api/incidents?state=open"),
                answer -> answer.statusCode() == 200 && openIncidents(answer).size() == 1, WAIT,
                "one open incident after the database returned");
        return openIncidents(response).get(0);
    }

    private static JsonNode openIncidents(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("incidents");
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private JsonNode ofrep(DetourProcess detour) throws Exception {
        HttpResponse<String> response = post(detour, "/ofrep/v1/evaluate/flags/model.claude-opus-4-8.enabled",
                "{\"context\":{}}");
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** Twenty requests, all 529: past min-requests and open-error-rate in one batch. */
    private static String failingBatch(String model) {
        return "{\"outcomes\":[" + String.join(",", java.util.Collections.nCopies(20, "{\"provider\":\"anthropic\","
                + "\"model\":\"" + model + "\",\"ok\":false,\"status\":529,\"latencyMs\":900}")) + "]}";
    }

    private HttpResponse<String> post(DetourProcess detour, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(detour.uri(path)).timeout(Duration.ofSeconds(40))
                .header("Authorization", "Bearer " + SIGNAL_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(DetourProcess detour, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(detour.uri(path)).timeout(Duration.ofSeconds(40)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> environment(LocalPostgres postgres, FakeSlack slack) throws Exception {
        Path config = directory.resolve("detour.yml");
        Files.writeString(config, """
                detour:
                  providers:
                    - id: anthropic
                      name: Anthropic
                      models:
                        - { id: claude-opus-4-8, name: "Claude Opus 4.8" }
                    - id: openai
                      name: OpenAI
                      models:
                        - { id: gpt-5, name: "GPT-5" }
                  task-classes:
                    - { id: meeting-summary, name: "Meeting summaries", route: [claude-opus-4-8, gpt-5], failover: auto }
                  slack:
                    incident-channel: C0INCIDENTS
                    support-channel: C0SUPPORT
                    summary-channel: C0MANAGERS
                    on-call: [U0ALICE]
                """);
        Map<String, String> environment = new HashMap<>(postgres.environment());
        environment.put("DETOUR_CONFIG", config.toString());
        environment.put("DETOUR_SIGNAL_TOKEN", SIGNAL_TOKEN);
        environment.put("SLACK_BOT_TOKEN", TOKEN);
        environment.put("SLACK_SIGNING_SECRET", "0123456789abcdef0123456789abcdef");
        environment.put("SLACK_API_URL", slack.apiUrl());
        environment.put("DETOUR_STATUSPAGE_POLL", "false");
        environment.put("DETOUR_OUTBOX_POLL", "100ms");
        return environment;
    }
}
