package dev.detour.bot.ofrep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.slack.SignedSlack;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.messages.Interactions;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed scenario through real HTTP: Slack commands and buttons in, flags out through OFREP, a signed webhook
 * and a flagd file. Each test starts from a {@link CleanSlate} with every model on, and sees only the Slack calls
 * and webhook deliveries it caused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlagsIT implements TestPropertyProvider {
    static final String SECRET = "whsec-0123456789abcdef0123456789abcdef";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
    private final WebhookReceiver webhook = new WebhookReceiver(SECRET);
    private final Path flagFile = temporaryFolder().resolve("flags.json");
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;
    @Inject
    CleanSlate cleanSlate;
    @Inject
    IncidentService incidents;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        Map<String, String> properties = new HashMap<>(SignedSlack.properties(slack));
        properties.put(SeedConfigFactory.WEBHOOK_SINK, webhook.url().toString());
        properties.put(SeedConfigFactory.FILE_SINK, flagFile.toString());
        properties.put(TestSecrets.PROPERTY, SECRET);
        properties.put("detour.slack.burst", "100"); // no pacing: each test waits for the last one's posts
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
        webhook.close();
    }

    @BeforeEach
    void startFromACleanSlate() {
        cleanSlate.restoreAndAwaitDelivery();
        slack.clear();
        webhook.clear();
    }

    /** Both Opus models switched off by on-call, and every sink told so; code-migration asks before it falls back. */
    private void opusModelsDisabled() throws Exception {
        slackRequests().command(SignedSlack.ALICE, "disable claude-opus-4-8 claude-opus-4-7 -- elevated 529s");
        awaitFlag("route.code-migration", "stopped", "awaiting-consent");
        webhook.awaitFlag("model.claude-opus-4-8.enabled", "false", WAIT);
        awaitFile("route.code-migration", "awaiting-consent");
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("detour-flags");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SignedSlack slackRequests() {
        return new SignedSlack(server.getURI(), slack);
    }

    private HttpResponse<String> ofrep(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode flag(String key) {
        HttpResponse<String> response = ofrep("/ofrep/v1/evaluate/flags/" + key, "{\"context\":{}}", Map.of());
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body());
    }

    private JsonNode fileFlag(String key) throws IOException {
        return JSON.readTree(Files.readString(flagFile)).path("flags").path(key);
    }

    /** Waits for an OFREP flag to show {@code value} with {@code variant}. */
    private void awaitFlag(String key, String value, String variant) {
        Await.await(() -> flag(key), flag -> flag.path("value").asText().equals(value)
                && flag.path("variant").asText().equals(variant), WAIT, key + " to be " + value + " (" + variant + ")");
    }

    private void awaitFile(String key, String variant) {
        Await.await(() -> Files.exists(flagFile) ? fileFlag(key) : "no flag file", flag -> flag instanceof JsonNode node
                && node.path("defaultVariant").asText().equals(variant), WAIT, key + " in the flag file to be " + variant);
    }

    @Test
    void disablingTwoModelsMovesEachTaskClassTheWayItsPolicySays() throws Exception {
        slackRequests().command(SignedSlack.ALICE, "disable claude-opus-4-8 claude-opus-4-7 -- elevated 529s");

        awaitFlag("route.meeting-summary", "gpt-5", "fallback");
        awaitFlag("route.code-migration", "stopped", "awaiting-consent");
        awaitFlag("route.legal-review", "stopped", "stopped");
        JsonNode model = flag("model.claude-opus-4-8.enabled");
        assertEquals(false, model.path("value").asBoolean(true));
        assertEquals("off", model.path("variant").asText());
        String incident = incidents.openIncidentAbout(List.of(Target.model(SeedCatalog.OPUS_48))).orElseThrow().id()
                .toString();
        assertEquals(incident, model.path("metadata").path("incident").asText());
        assertTrue(model.path("metadata").has("since"));
        assertEquals("STATIC", model.path("reason").asText());

        slack.awaitCall("chat.postMessage", call -> call.param("thread_ts") != null && call.param("blocks") != null
                && call.param("blocks").contains(Interactions.CONSENT_APPROVE)
                && call.param("text").contains("Code migration plans"), WAIT);
        webhook.awaitFlag("route.meeting-summary", "gpt-5", WAIT);
        webhook.awaitFlag("model.claude-opus-4-8.enabled", "false", WAIT);
        awaitFile("route.code-migration", "awaiting-consent");
        assertEquals("gpt-5", fileFlag("route.meeting-summary").path("variants").path("fallback").asText());
        assertEquals(0, webhook.badSignatures());
    }

    @Test
    void approvingTheQuestionMovesTheConsentClassToItsFallback() throws Exception {
        opusModelsDisabled();

        slackRequests().blockAction(SignedSlack.ALICE, Interactions.CONSENT_APPROVE, "code-migration");

        awaitFlag("route.code-migration", "gpt-5", "fallback");
        webhook.awaitFlag("route.code-migration", "gpt-5", WAIT);
        awaitFile("route.code-migration", "fallback");
    }

    @Test
    void enablingTheModelsBringsEveryClassBackToPrimary() throws Exception {
        opusModelsDisabled();

        slackRequests().command(SignedSlack.ALICE, "enable claude-opus-4-8 claude-opus-4-7 -- recovered");

        awaitFlag("route.meeting-summary", "claude-opus-4-8", "primary");
        awaitFlag("route.code-migration", "claude-opus-4-7", "primary");
        awaitFlag("route.legal-review", "claude-opus-4-8", "primary");
        webhook.awaitFlag("route.legal-review", "claude-opus-4-8", WAIT);
        awaitFile("route.legal-review", "primary");
        assertEquals(true, flag("model.claude-opus-4-8.enabled").path("value").asBoolean(false));
        long keys = webhook.deliveries().stream().map(WebhookReceiver.Delivery::idempotencyKey).distinct().count();
        assertEquals(webhook.deliveries().size(), keys, "each change once");
    }

    @Test
    void unknownFlagsBadBodiesAndUnchangedBulkReads() {
        HttpResponse<String> missing = ofrep("/ofrep/v1/evaluate/flags/model.claude-opus-4-9.enabled", "{}",
                Map.of());
        assertEquals(404, missing.statusCode());
        assertEquals("FLAG_NOT_FOUND", json(missing.body()).path("errorCode").asText());
        assertEquals("model.claude-opus-4-9.enabled", json(missing.body()).path("key").asText());

        HttpResponse<String> bad = ofrep("/ofrep/v1/evaluate/flags/route.legal-review", "{\"context\": [1,2]}",
                Map.of());
        assertEquals(400, bad.statusCode());
        assertEquals("INVALID_CONTEXT", json(bad.body()).path("errorCode").asText());
        assertEquals(400, ofrep("/ofrep/v1/evaluate/flags/route.legal-review", "{nope", Map.of()).statusCode());

        HttpResponse<String> bulk = ofrep("/ofrep/v1/evaluate/flags", "{\"context\":{}}", Map.of());
        assertEquals(200, bulk.statusCode());
        assertTrue(json(bulk.body()).path("flags").size() >= 9);
        String etag = bulk.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, ofrep("/ofrep/v1/evaluate/flags", "{}", Map.of("If-None-Match", etag)).statusCode());
    }

    @Test
    void aBulkReadIsNotModifiedForAWeakTagAListWithTheCurrentTagOrAnAsteriskAndAnsweredForOthers() {
        String etag = ofrep("/ofrep/v1/evaluate/flags", "{}", Map.of()).headers().firstValue("ETag").orElseThrow();

        for (String condition : List.of("W/" + etag, "\"old\", " + etag, "\"old\",W/" + etag + ", \"older\"", "*")) {
            HttpResponse<String> unchanged = ofrep("/ofrep/v1/evaluate/flags", "{}", Map.of("If-None-Match", condition));
            assertEquals(304, unchanged.statusCode(), condition);
            assertEquals(Optional.of(etag), unchanged.headers().firstValue("ETag"), condition);
        }
        for (String condition : List.of("\"old\"", "W/\"old\", \"older\"", etag.replace("\"", ""))) {
            HttpResponse<String> answered = ofrep("/ofrep/v1/evaluate/flags", "{}", Map.of("If-None-Match", condition));
            assertEquals(200, answered.statusCode(), condition);
            assertTrue(json(answered.body()).path("flags").size() >= 9, condition);
        }
    }

    @Test
    void evaluationsCarryNoCacheableFieldSinceOfrepDroppedIt() {
        JsonNode single = flag("route.meeting-summary");
        assertEquals("STATIC", single.path("reason").asText());
        assertFalse(single.has("cacheable"), single.toString());

        HttpResponse<String> bulk = ofrep("/ofrep/v1/evaluate/flags", "{}", Map.of());
        json(bulk.body()).path("flags").forEach(flag -> assertFalse(flag.has("cacheable"), flag.toString()));
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
