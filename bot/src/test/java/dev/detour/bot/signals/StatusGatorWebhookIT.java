package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.bot.testing.CleanSlate;
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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /signals/statusgator} end to end (docs/signals.md, "StatusGator"): StatusGator v3 events, written
 * from its documented fields (test resources {@code statusgator/README.md}), become the signals a Statuspage
 * component update gives. The seed providers are watched as {@code statusgator: anthropic} and {@code openai}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusGatorWebhookIT implements TestPropertyProvider {
    private static final String TOKEN_QUERY = "/signals/statusgator?token=" + SignalTestApp.TOKEN;
    private final FakeSlack slack = SignalTestApp.slack();

    @Inject
    EmbeddedServer server;
    @Inject
    CleanSlate cleanSlate;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SignalTestApp.properties(slack);
        properties.put("detour.slack.burst", "100");
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @BeforeEach
    void startFromACleanSlate() {
        cleanSlate.restoreAndAwaitDelivery();
    }

    private static String fixture(String name) {
        try (InputStream in = StatusGatorWebhookIT.class.getResourceAsStream("/statusgator/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> post(String path, String body, String token) {
        return SignalTestApp.post(server.getURI(), path, body, token);
    }

    private JsonNode openIncidents() {
        return SignalTestApp.get(server.getURI(), "/api/incidents?state=open").path("incidents");
    }

    private JsonNode incident(String id) {
        return SignalTestApp.get(server.getURI(), "/api/incidents/" + id);
    }

    /** The service (and so its components) is up again: whatever an earlier test left, the next event is news. */
    private void upAgain(String fixture) {
        String up = fixture(fixture).replace("\"EarlyWarningSignal\"", "\"StatusChange\"")
                .replace("\"current_status\": \"down\"", "\"current_status\": \"up\"")
                .replace("\"current_status\": \"warn\"", "\"current_status\": \"up\"")
                .replace("\"status\": \"down\"", "\"status\": \"up\"");
        assertEquals(202, post(TOKEN_QUERY, up, null).statusCode());
        assertEquals(0, openIncidents().size(), "a recovery opens nothing");
    }

    @Test
    void aStatusChangeOpensAnOutageForTheMappedComponentsModelsOnce() {
        upAgain("status-change-down.json");
        String body = fixture("status-change-down.json");

        HttpResponse<String> first = post(TOKEN_QUERY, body, null);
        HttpResponse<String> again = post("/signals/statusgator", body, SignalTestApp.TOKEN);

        assertEquals(202, first.statusCode(), first.body());
        JsonNode answer = SignalTestApp.json(first.body());
        assertEquals("anthropic", answer.path("provider").asText());
        assertEquals(1, answer.path("signals").asInt(), "Claude API is mapped, claude.ai is not: " + first.body());
        assertTrue(answer.path("detail").asText().contains("component 'claude.ai' is not mapped"), first.body());
        assertEquals(202, again.statusCode(), "the bearer token works too: " + again.body());
        assertEquals(0, SignalTestApp.json(again.body()).path("signals").asInt(), "the same change once");
        JsonNode open = openIncidents();
        assertEquals(1, open.size(), open.toString());
        JsonNode opened = incident(open.path(0).path("id").asText());
        assertEquals("[\"model:claude-opus-4-7\",\"model:claude-opus-4-8\",\"model:claude-sonnet-4-6\"]",
                opened.path("incident").path("affected").toString());
        assertTrue(opened.path("timeline").path(0).path("text").asText().startsWith("outage "),
                "a component that is down is an outage: " + opened.path("timeline"));
    }

    @Test
    void anEarlyWarningIsOnlyADegradationOfTheWholeProvider() {
        upAgain("early-warning.json");

        HttpResponse<String> warned = post(TOKEN_QUERY, fixture("early-warning.json"), null);

        assertEquals(202, warned.statusCode(), warned.body());
        assertEquals(1, SignalTestApp.json(warned.body()).path("signals").asInt(), warned.body());
        JsonNode open = openIncidents();
        assertEquals(1, open.size(), open.toString());
        JsonNode opened = incident(open.path(0).path("id").asText());
        assertEquals("[\"model:gpt-5\"]", opened.path("incident").path("affected").toString());
        String first = opened.path("timeline").path(0).path("text").asText();
        assertFalse(first.startsWith("outage "), "an early warning is never an outage by itself: " + first);
    }

    @Test
    void aServiceNoProviderClaimsIsIgnored() {
        String body = fixture("status-change-down.json").replace("\"slug\": \"anthropic\"", "\"slug\": \"github\"");

        HttpResponse<String> answer = post(TOKEN_QUERY, body, null);

        assertEquals(202, answer.statusCode(), answer.body());
        assertTrue(SignalTestApp.json(answer.body()).path("ignored").asBoolean(), answer.body());
        assertEquals(0, openIncidents().size());
    }

    @Test
    void badInputAndWrongTokensGetClearAnswers() {
        HttpResponse<String> wrongToken = post("/signals/statusgator?token=wrong", fixture("early-warning.json"), null);
        HttpResponse<String> noToken = post("/signals/statusgator", fixture("early-warning.json"), null);
        HttpResponse<String> notJson = post(TOKEN_QUERY, "{\"type\": ", null);
        HttpResponse<String> otherShape = post(TOKEN_QUERY, "{\"type\": \"Ping\"}", null);
        HttpResponse<String> noSlug = post(TOKEN_QUERY, "{\"type\": \"StatusChange\", \"service\": {}}", null);

        assertEquals(401, wrongToken.statusCode());
        assertEquals(401, noToken.statusCode());
        assertTrue(noToken.body().contains("or ?token="), noToken.body());
        assertEquals(400, notJson.statusCode());
        assertEquals("malformed_json", SignalTestApp.json(notJson.body()).path("error").asText());
        assertEquals(400, otherShape.statusCode());
        assertEquals("not_a_statusgator_event", SignalTestApp.json(otherShape.body()).path("error").asText());
        assertEquals(400, noSlug.statusCode());
        assertEquals(0, openIncidents().size());
    }
}
