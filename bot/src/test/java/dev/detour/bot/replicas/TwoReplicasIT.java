package dev.detour.bot.replicas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.ofrep.WebhookReceiver;
import dev.detour.bot.signals.AlertmanagerAlerts;
import dev.detour.bot.slack.SignedSlack;
import dev.detour.messages.Interactions;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.lifecycle.SingleWriter;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.signals.GatewayMonitor;
import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.OnPostgres;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static dev.detour.incidents.SeedCatalog.GPT_5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of Detour on one PostgreSQL, getting the same signals and commands (as a load balancer and
 * Slack's retries would give them): one incident, every post and flag push once, both replicas serving the same
 * flags, and single-writer jobs on one replica at a time, taken over when it stops.
 */
@OnPostgres
class TwoReplicasIT {
    private static final String SIGNAL_TOKEN = "signal-token-for-two-replicas";
    private static final String WEBHOOK_SECRET = "whsec-0123456789abcdef0123456789abcdef";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSameSignalsAndCommandsSentToBothReplicasOpenOneIncidentAndDeliverEverythingOnce() throws Exception {
        Map<String, Object> database = TestDatabase.postgres();
        try (FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
             WebhookReceiver webhook = new WebhookReceiver(WEBHOOK_SECRET)) {
            for (String channel : List.of("C0INCIDENTS", "C0SUPPORT", "C0MANAGERS")) {
                slack.addChannel(channel, true);
            }
            try (ApplicationContext one = replica(database, slack, webhook);
                 ApplicationContext two = replica(database, slack, webhook)) {
                List<URI> replicas = List.of(uri(one), uri(two));

                for (String model : List.of("claude-opus-4-8", "claude-opus-4-7")) {
                    both(replicas, replica -> alert(replica, model));
                }
                // A whole provider asks first: the preview from one replica, Confirm pressed at both.
                String previewUrl = slack.newResponseUrl();
                new SignedSlack(replicas.get(0), slack).command(SignedSlack.ALICE,
                        "disable anthropic -- both flagship models fail", previewUrl);
                String confirm = SignedSlack.buttonValue(slack.awaitResponse(r -> r.url().equals(previewUrl), WAIT)
                        .body(), Interactions.CONFIRM);
                both(replicas, replica -> new SignedSlack(replica, slack).blockAction(SignedSlack.ALICE,
                        Interactions.CONFIRM, confirm));

                for (URI replica : replicas) {
                    awaitFlag(replica, "provider.anthropic.enabled", false);
                }
                webhook.awaitFlag("provider.anthropic.enabled", "false", WAIT);
                slack.awaitCall("chat.postMessage", call -> call.ok() && "C0SUPPORT".equals(call.param("channel")),
                        WAIT);
                Await.holdsFor(Duration.ofSeconds(2), () -> slack.calls("chat.postMessage").stream()
                        .filter(call -> call.ok() && call.param("thread_ts") == null
                                && "C0INCIDENTS".equals(call.param("channel"))).count() == 1,
                        "one root message, even once duplicates would have arrived");

                assertEquals(1, one.getBean(IncidentService.class).openIncidents().size(), "one incident");
                assertEquals(1, two.getBean(IncidentService.class).openIncidents().size());
                List<FakeSlack.Call> posts = slack.calls("chat.postMessage").stream().filter(FakeSlack.Call::ok)
                        .toList();
                assertEquals(1, posts.stream().filter(call -> call.param("thread_ts") == null
                        && "C0INCIDENTS".equals(call.param("channel"))).count(), "one root message");
                Map<String, Long> copies = posts.stream().collect(Collectors.groupingBy(call -> call.param("channel")
                        + "|" + call.param("thread_ts") + "|" + call.param("text"), Collectors.counting()));
                copies.forEach((post, count) -> assertEquals(1L, count, "posted once: " + post));

                List<String> flagChanges = new ArrayList<>();
                for (WebhookReceiver.Delivery delivery : webhook.deliveries()) {
                    delivery.body().path("changed").forEach(flag -> flagChanges.add(flag.path("key").asText()
                            + "=" + flag.path("value").asText()));
                }
                assertEquals(1, flagChanges.stream().filter("provider.anthropic.enabled=false"::equals).count(),
                        "the provider's flag change pushed once: " + flagChanges);
                assertEquals(webhook.deliveries().size(), webhook.deliveries().stream()
                        .map(WebhookReceiver.Delivery::idempotencyKey).distinct().count());
            }
        }
    }

    @Test
    void gatewayTrafficSplitOverTheReplicasIsJudgedAsAWhole() throws Exception {
        Map<String, Object> database = TestDatabase.postgres();
        try (FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
             WebhookReceiver webhook = new WebhookReceiver(WEBHOOK_SECRET);
             ApplicationContext one = replica(database, slack, webhook);
             ApplicationContext two = replica(database, slack, webhook)) {
            // 12 requests to each replica, half of them 529s: too few to judge on either (min-requests is 20),
            // enough on both together
            for (ApplicationContext replica : List.of(one, two)) {
                HttpResponse<String> response = gateway(uri(replica), "gpt-5", 12, 6);
                assertEquals(202, response.statusCode(), response.body());
            }

            IncidentService incidents = one.getBean(IncidentService.class);
            Await.await(() -> incidents.openIncidentAbout(List.of(Target.model(GPT_5))).isPresent(), WAIT,
                    "an incident about GPT-5, from the two halves together");
            for (ApplicationContext replica : List.of(one, two)) {
                // the other replica's half arrives within a second or two
                long seen = Await.await(() -> requestsSeen(replica), count -> count >= 24, WAIT,
                        "each replica to count both halves");
                assertEquals(24, seen, "each replica counts both halves");
            }
        }
    }

    @Test
    void aModelFailingOnBothReplicasIsOneSignalAndOneQuestionAndARestartedReplicaDoesNotAskAgain()
            throws Exception {
        Map<String, Object> database = TestDatabase.postgres();
        try (FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
             WebhookReceiver webhook = new WebhookReceiver(WEBHOOK_SECRET);
             ApplicationContext one = replica(database, slack, webhook)) {
            for (String channel : List.of("C0INCIDENTS", "C0SUPPORT", "C0MANAGERS")) {
                slack.addChannel(channel, true);
            }
            try (ApplicationContext two = replica(database, slack, webhook)) {
                // each replica alone gets enough failures to judge GPT-5 failing, as when traffic is split evenly
                both(List.of(uri(one), uri(two)), replica -> gateway(replica, "gpt-5", 20, 20));
                slack.awaitCall("chat.postMessage", call -> call.ok() && isQuestion(call), WAIT);
                Thread.sleep(2_000); // a second question, if any, arrives now
            }
            try (ApplicationContext restarted = replica(database, slack, webhook)) {
                // a new replica's monitor starts healthy: the same failures are news to it, not to the database
                assertEquals(202, gateway(uri(restarted), "gpt-5", 20, 20).statusCode());
                Thread.sleep(2_000);
            }

            assertEquals(1, slack.calls("chat.postMessage").stream().filter(call -> call.ok() && isQuestion(call))
                    .count(), "one question for one transition");
            IncidentId incident = one.getBean(IncidentService.class).openIncidentAbout(List.of(Target.model(GPT_5)))
                    .orElseThrow().id();
            assertEquals(1, one.getBean(AuditTrail.class).search(AuditQuery.everything().forIncident(incident))
                    .stream().filter(stored -> stored.record().action().equals(AuditAction.SIGNAL_FIRING)).count(),
                    "one signal recorded");
        }
    }

    private static boolean isQuestion(FakeSlack.Call call) {
        return call.param("text") != null && call.param("text").contains("Switch it off?");
    }

    @Test
    void aSingleWriterJobRunsOnOneReplicaAndMovesWhenItStops() throws Exception {
        Map<String, Object> database = TestDatabase.postgres();
        try (FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
             WebhookReceiver webhook = new WebhookReceiver(WEBHOOK_SECRET);
             ApplicationContext two = replica(database, slack, webhook)) {
            SingleWriter second = two.getBean(SingleWriter.class);
            try (ApplicationContext one = replica(database, slack, webhook)) {
                assertTrue(one.getBean(SingleWriter.class).holds("test-job"));
                assertFalse(second.holds("test-job"), "held by the other replica");
                assertTrue(one.getBean(SingleWriter.class).holds("test-job"), "and kept by it");
            }
            Await.await(() -> second.holds("test-job"), Duration.ofSeconds(5),
                    "the other replica to take the job over within seconds");
        }
    }

    private static ApplicationContext replica(Map<String, Object> database, FakeSlack slack, WebhookReceiver webhook) {
        Map<String, Object> properties = new HashMap<>(SignedSlack.properties(slack));
        properties.putAll(database);
        properties.put(SeedConfigFactory.WEBHOOK_SINK, webhook.url().toString());
        properties.put("detour.test.webhook-secret", WEBHOOK_SECRET);
        properties.put("detour.signal-token", SIGNAL_TOKEN);
        properties.put("detour.slack.burst", "1000");
        properties.put("micronaut.server.port", "-1");
        return ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
    }

    private static URI uri(ApplicationContext replica) {
        return replica.getBean(EmbeddedServer.class).getURI();
    }

    private interface Request {
        HttpResponse<String> send(URI replica) throws Exception;
    }

    /** The same request to both replicas at once. */
    private static void both(List<URI> replicas, Request request) {
        List<CompletableFuture<HttpResponse<String>>> sent = replicas.stream()
                .map(replica -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return request.send(replica);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();
        sent.forEach(response -> {
            HttpResponse<String> answer = response.join();
            assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
        });
    }

    private HttpResponse<String> alert(URI replica, String model) throws Exception {
        String body = AlertmanagerAlerts.firing("anthropic", model);
        return http.send(HttpRequest.newBuilder(replica.resolve("/signals/alertmanager"))
                .header("Authorization", "Bearer " + SIGNAL_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long requestsSeen(ApplicationContext replica) {
        return replica.getBean(GatewayMonitor.class).stats(GPT_5, replica.getBean(java.time.Clock.class).instant())
                .orElseThrow().requests();
    }

    /** One gateway batch: {@code requests} outcomes of {@code model}, the first {@code failures} of them 529s. */
    private HttpResponse<String> gateway(URI replica, String model, int requests, int failures) throws Exception {
        StringBuilder body = new StringBuilder("{\"outcomes\":[");
        for (int i = 0; i < requests; i++) {
            boolean failed = i < failures;
            body.append(i == 0 ? "" : ",").append("{\"provider\":\"openai\",\"model\":\"").append(model)
                    .append("\",\"ok\":").append(!failed).append(",\"status\":").append(failed ? 529 : 200)
                    .append(",\"latencyMs\":900}");
        }
        body.append("]}");
        return http.send(HttpRequest.newBuilder(replica.resolve("/signals/gateway"))
                .header("Authorization", "Bearer " + SIGNAL_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until OFREP on this replica evaluates the flag to {@code expected}. */
    private void awaitFlag(URI replica, String key, boolean expected) {
        Await.await(() -> http.send(HttpRequest.newBuilder(replica.resolve("/ofrep/v1/evaluate/flags/" + key))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"context\":{}}")).build(),
                        HttpResponse.BodyHandlers.ofString()).body(),
                body -> {
                    JsonNode value = json(body).path("value");
                    return value.isBoolean() && value.asBoolean() == expected;
                }, WAIT, replica + " to evaluate " + key + " to " + expected);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
