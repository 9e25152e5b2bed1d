package dev.detour.bot.process;

import dev.detour.bot.ofrep.WebhookReceiver;
import dev.detour.bot.signals.AlertmanagerAlerts;
import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.TestDatabase;
import dev.detour.notifications.testing.FakeSlack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Detour killed with SIGKILL in the middle of an incident, with Slack posts and flag pushes still in the outbox,
 * then started again: every post and push arrives exactly once, and the audit trail has every step. On PostgreSQL
 * when {@code CI=true}, else on the embedded H2 file. A post that Slack accepted in the very moment of the kill,
 * before its row was marked sent, is found in the channel's history after the restart and not posted again.
 */
class CrashSafetyIT {
    private static final String TOKEN = "xoxb-1234567890-0987654321-abcdefghijklmnopqrstuvwx";
    private static final String WEBHOOK_SECRET = "whsec-0123456789abcdef0123456789abcdef";
    private static final String SIGNAL_TOKEN = "signal-token-for-the-crash-test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void postsAndPushesPendingWhenDetourIsKilledAreDeliveredOnceAfterRestart() throws Exception {
        Database database = Database.forThisRun(directory);
        try (FakeSlack slack = FakeSlack.start(TOKEN); WebhookReceiver webhook = new WebhookReceiver(WEBHOOK_SECRET)) {
            for (String channel : List.of("C0INCIDENTS", "C0SUPPORT", "C0MANAGERS")) {
                slack.addChannel(channel, true);
            }
            Map<String, String> environment = environment(slack, webhook, database);
            webhook.failNext(Integer.MAX_VALUE); // the apps are down: every flag push waits

            try (DetourProcess first = DetourProcess.start(directory, environment)) {
                first.awaitHealthy(http);
                alert(first, "claude-opus-4-8");
                slack.awaitCall("chat.postMessage", call -> call.ok() && call.param("thread_ts") == null, WAIT);
                for (int i = 0; i < 1000; i++) {
                    slack.rateLimitNext("chat.postMessage", 1); // from now on Slack says "slow down" to every post
                }
                alert(first, "claude-opus-4-7");
                slack.awaitCall("chat.postMessage", call -> call.httpStatus() == 429, WAIT);
                first.kill(); // ...and Detour dies with posts and pushes waiting
            }
            int postsBeforeTheCrash = okPosts(slack).size();
            slack.clearFaults(); // Slack and the apps are back
            webhook.failNext(0);

            try (DetourProcess second = DetourProcess.start(directory, environment)) {
                second.awaitHealthy(http);
                webhook.awaitFlag("model.claude-opus-4-7.enabled", "false", WAIT);
                slack.awaitCall("chat.postMessage", call -> call.ok() && call.param("text") != null
                        && call.param("text").contains("Claude Opus 4.7"), WAIT);
                awaitEverythingSent(database); // a stop leaves undelivered rows for the next start: wait for them
                Await.holdsFor(Duration.ofMillis(1_500), () -> postedTwice(slack).isEmpty(), "no post arrives twice");
                assertEquals(0, second.terminate(), "SIGTERM drains and exits 0: " + second.output());
            }

            List<FakeSlack.Call> posts = okPosts(slack);
            assertTrue(posts.size() > postsBeforeTheCrash, "the restart delivered what was left");
            Map<String, Long> copies = posts.stream().collect(Collectors.groupingBy(
                    call -> call.param("channel") + "|" + call.param("thread_ts") + "|" + call.param("text"),
                    Collectors.counting()));
            copies.forEach((post, count) -> assertEquals(1L, count, "posted once: " + post));
            List<WebhookReceiver.Delivery> pushes = webhook.deliveries();
            assertEquals(pushes.size(), pushes.stream().map(WebhookReceiver.Delivery::idempotencyKey).distinct()
                    .count(), "each flag push once: " + pushes);

            try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
                assertEquals(0, count(sql, "SELECT COUNT(*) FROM outbox WHERE status <> 'sent'"), "nothing left");
                assertEquals(2, count(sql, "SELECT COUNT(*) FROM audit_record WHERE action = 'signal.firing'"));
                assertEquals(2, count(sql, "SELECT COUNT(*) FROM audit_record WHERE action = 'availability.changed'"
                        + " AND after_value = 'unavailable'"), "both models switched off, each recorded once");
                long sentRows = count(sql, "SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND topic IN"
                        + " ('slack.reply', 'slack.support')");
                assertEquals(sentRows, count(sql, "SELECT COUNT(*) FROM audit_record WHERE action IN"
                        + " ('slack.reply', 'slack.support')"), "every post has its audit record");
                assertEquals(pushes.size(), count(sql, "SELECT COUNT(*) FROM audit_record WHERE action ="
                        + " 'flags.webhook'"), "every push has its audit record");
            }
        }
    }

    @Test
    void aPostSlackTookAsDetourWasKilledIsFoundInHistoryAndNotPostedAgain() throws Exception {
        Database database = Database.forThisRun(directory);
        try (FakeSlack slack = FakeSlack.start(TOKEN); WebhookReceiver webhook = new WebhookReceiver(WEBHOOK_SECRET)) {
            for (String channel : List.of("C0INCIDENTS", "C0SUPPORT", "C0MANAGERS")) {
                slack.addChannel(channel, true);
            }
            Map<String, String> environment = environment(slack, webhook, database);
            environment.put("DETOUR_SLACK_TIMEOUT", "5s"); // a dead replica's row is free again after 10 s

            try (DetourProcess first = DetourProcess.start(directory, environment)) {
                first.awaitHealthy(http);
                slack.slowChat(Duration.ofSeconds(8)); // Slack posts at once and answers late...
                alert(first, "claude-opus-4-8");
                slack.awaitCall("chat.postMessage", call -> call.param("thread_ts") == null, WAIT);
                first.kill(); // ...and Detour dies before the answer, its row still in flight
            }
            slack.clearFaults();
            assertEquals(1, slack.history("C0INCIDENTS").size(), "Slack has the root message");

            try (DetourProcess second = DetourProcess.start(directory, environment)) {
                second.awaitHealthy(http);
                awaitEverythingSent(database);
                Await.holdsFor(Duration.ofSeconds(1), () -> postedTwice(slack).isEmpty(), "no post arrives twice");
                assertEquals(0, second.terminate(), "SIGTERM drains and exits 0: " + second.output());
            }

            assertEquals(1, slack.history("C0INCIDENTS").size(), "the root message once: " + slack.history("C0INCIDENTS"));
            Map<String, Long> copies = okPosts(slack).stream().collect(Collectors.groupingBy(
                    call -> call.param("channel") + "|" + call.param("thread_ts") + "|" + call.param("text"),
                    Collectors.counting()));
            copies.forEach((post, count) -> assertEquals(1L, count, "posted once: " + post));
            String rootTs = slack.history("C0INCIDENTS").get(0).path("ts").asText();
            assertTrue(okPosts(slack).stream().anyMatch(call -> rootTs.equals(call.param("thread_ts"))),
                    "the replies went into the thread of the post Slack had");
        }
    }

    private static void awaitEverythingSent(Database database) throws Exception {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            Await.await(() -> count(sql, "SELECT COUNT(*) FROM outbox WHERE status <> 'sent'") == 0, WAIT,
                    "the outbox to empty");
        }
    }

    /** Posts Slack got more than once (same channel, thread and text). */
    private static List<String> postedTwice(FakeSlack slack) {
        return okPosts(slack).stream().collect(Collectors.groupingBy(
                        call -> call.param("channel") + "|" + call.param("thread_ts") + "|" + call.param("text"),
                        Collectors.counting()))
                .entrySet().stream().filter(copies -> copies.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    private static List<FakeSlack.Call> okPosts(FakeSlack slack) {
        return slack.calls("chat.postMessage").stream().filter(FakeSlack.Call::ok).toList();
    }

    private void alert(DetourProcess detour, String model) throws Exception {
        String body = AlertmanagerAlerts.firing("anthropic", model);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(detour.uri("/signals/alertmanager"))
                .header("Authorization", "Bearer " + SIGNAL_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.body());
    }

    private Map<String, String> environment(FakeSlack slack, WebhookReceiver webhook, Database database)
            throws Exception {
        Path config = directory.resolve("detour.yml");
        Files.writeString(config, """
                detour:
                  providers:
                    - id: anthropic
                      name: Anthropic
                      auto-disable: true
                      models:
                        - { id: claude-opus-4-8, name: "Claude Opus 4.8" }
                        - { id: claude-opus-4-7, name: "Claude Opus 4.7" }
                    - id: openai
                      name: OpenAI
                      models:
                        - { id: gpt-5, name: "GPT-5" }
                  task-classes:
                    - { id: meeting-summary, name: "Meeting summaries", route: [claude-opus-4-8, gpt-5], failover: auto }
                    - { id: legal-review, name: "Contract review", route: [claude-opus-4-8], failover: stop }
                  slack:
                    incident-channel: C0INCIDENTS
                    support-channel: C0SUPPORT
                    summary-channel: C0MANAGERS
                    on-call: [U0ALICE]
                  sinks:
                    - { name: apps, type: webhook, url: "%s", secret-env: DETOUR_WEBHOOK_SECRET }
                """.formatted(webhook.url()));
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("DETOUR_CONFIG", config.toString());
        environment.put("DETOUR_SIGNAL_TOKEN", SIGNAL_TOKEN);
        environment.put("DETOUR_WEBHOOK_SECRET", WEBHOOK_SECRET);
        environment.put("SLACK_BOT_TOKEN", TOKEN);
        environment.put("SLACK_SIGNING_SECRET", "0123456789abcdef0123456789abcdef");
        environment.put("SLACK_API_URL", slack.apiUrl());
        environment.put("DETOUR_STATUSPAGE_POLL", "false");
        environment.put("DETOUR_OUTBOX_POLL", "50ms");
        return environment;
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** PostgreSQL (a fresh schema) on CI, else the jar's own H2 file under the working directory. */
    private record Database(Map<String, String> environment, String url, String user, String password) {
        static Database forThisRun(Path directory) {
            if (TestDatabase.postgresRequired()) {
                Map<String, Object> postgres = TestDatabase.postgres();
                String url = (String) postgres.get("datasources.default.url");
                String user = (String) postgres.get("datasources.default.username");
                String password = (String) postgres.get("datasources.default.password");
                return new Database(Map.of("DATASOURCES_DEFAULT_URL", url, "DATASOURCES_DEFAULT_USERNAME", user,
                        "DATASOURCES_DEFAULT_PASSWORD", password), url, user, password);
            }
            return new Database(Map.of(), "jdbc:h2:file:" + directory.resolve("data").resolve("detour")
                    + ";" + TestDatabase.H2_POSTGRES_MODE, "sa", "");
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }
}
