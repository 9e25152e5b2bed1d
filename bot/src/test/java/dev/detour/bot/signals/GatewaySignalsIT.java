package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.GatewaySignals;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.signals.GatewayMonitor;
import dev.detour.incidents.testing.MovableClock;
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

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /signals/gateway} end to end: the seed incident replayed as gateway outcomes. Each test starts from a
 * {@link CleanSlate} (no open incident, every model on) and sees only the Slack calls it caused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewaySignalsIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final FakeSlack slack = SignalTestApp.slack();

    @Inject
    EmbeddedServer server;
    @Inject
    MovableClock clock;
    @Inject
    GatewayMonitor monitor;
    @Inject
    GatewaySignals gateway;
    @Inject
    AvailabilityService availability;
    @Inject
    CleanSlate cleanSlate;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SignalTestApp.properties(slack);
        properties.put("detour.slack.burst", "100"); // no pacing: each test waits for the last one's posts
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @BeforeEach
    void startFromACleanSlate() {
        cleanSlate.restoreAndAwaitDelivery();
        slack.clear();
    }

    private HttpResponse<String> send(String body, String token) {
        return SignalTestApp.post(server.getURI(), "/signals/gateway", body, token);
    }

    /** {@code requests} outcomes per model, the first {@code failures} of them 529s. */
    private static String batch(int requests, int failures, String... models) {
        StringBuilder body = new StringBuilder("{\"outcomes\":[");
        for (String model : models) {
            for (int i = 0; i < requests; i++) {
                boolean failed = i < failures;
                body.append(body.charAt(body.length() - 1) == '[' ? "" : ",")
                        .append("{\"provider\":\"anthropic\",\"model\":\"").append(model).append("\",\"ok\":")
                        .append(!failed).append(",\"status\":").append(failed ? 529 : 200)
                        .append(",\"latencyMs\":1840,\"at\":\"2026-06-07T07:12:03Z\"}");
            }
        }
        return body.append("]}").toString();
    }

    /** Batches every 10 s for {@code duration} at the given error share. */
    private void replay(Duration duration, int requests, int failures) {
        for (long s = 0; s < duration.toSeconds(); s += 10) {
            clock.advance(Duration.ofSeconds(10));
            assertEquals(202, send(batch(requests, failures, "claude-opus-4-8", "claude-opus-4-7"),
                    SignalTestApp.TOKEN).statusCode());
        }
    }

    private JsonNode openIncidents() {
        return SignalTestApp.get(server.getURI(), "/api/incidents?state=open").path("incidents");
    }

    @Test
    void withoutTheRightTokenSignalsAreRefused() {
        String body = batch(1, 0, "gpt-5");
        assertEquals(401, send(body, null).statusCode());
        assertEquals(401, send(body, "wrong-token").statusCode());
        HttpResponse<String> query = SignalTestApp.post(server.getURI(),
                "/signals/gateway?token=" + SignalTestApp.TOKEN, body, null);
        assertEquals(401, query.statusCode(), "?token= is only for Statuspage, which cannot send headers");
        assertTrue(SignalTestApp.json(query.body()).has("detail"));
    }

    @Test
    void unknownIdsAreNamedAndTheValidOutcomesStillCount() {
        long before = monitor.stats(SeedCatalog.GPT_5, clock.instant()).orElseThrow().requests();
        String body = "{\"outcomes\":["
                + "{\"provider\":\"openai\",\"model\":\"gpt-5\",\"ok\":true,\"status\":200,\"latencyMs\":900},"
                + "{\"provider\":\"anthropic\",\"model\":\"claude-opus-4-9\",\"ok\":false,\"status\":529},"
                + "{\"provider\":\"mistral\",\"model\":\"mistral-large\",\"ok\":true,\"status\":200},"
                + "{\"provider\":\"openai\",\"model\":\"gpt-5\",\"ok\":false,\"status\":500,\"latencyMs\":30}]}";

        HttpResponse<String> response = send(body, SignalTestApp.TOKEN);

        assertEquals(422, response.statusCode());
        JsonNode answer = SignalTestApp.json(response.body());
        assertEquals(2, answer.path("accepted").asInt());
        assertTrue(answer.path("detail").asText().contains("claude-opus-4-9"), response.body());
        assertTrue(answer.path("detail").asText().contains("mistral"), response.body());
        assertEquals(1, answer.path("rejected").get(0).path("index").asInt());
        assertEquals(before + 2, monitor.stats(SeedCatalog.GPT_5, clock.instant()).orElseThrow().requests());
    }

    @Test
    void malformedJsonIsA400ThatSaysWhere() {
        HttpResponse<String> response = send("{\"outcomes\":[{\"model\":\"gpt-5\",}]}", SignalTestApp.TOKEN);
        assertEquals(400, response.statusCode());
        JsonNode answer = SignalTestApp.json(response.body());
        assertEquals("malformed_batch", answer.path("error").asText());
        assertTrue(answer.path("detail").asText().startsWith("line 1, column"), response.body());
    }

    @Test
    void fewerThanMinRequestsNeverOpensAnIncident() {
        clock.advance(Duration.ofMinutes(5));
        assertEquals(202, send(batch(19, 19, "claude-sonnet-4-6"), SignalTestApp.TOKEN).statusCode());
        assertEquals(0, openIncidents().size(), openIncidents().toString());
    }

    @Test
    void theSeedIncidentAsGatewayOutcomesOpensOneIncidentAsksToDisableAndLaterSuggestsRecovery() {
        clock.advance(Duration.ofMinutes(5));
        replay(Duration.ofMinutes(2), 20, 2);   // 10%: normal noise
        assertEquals(0, openIncidents().size(), openIncidents().toString());
        replay(Duration.ofMinutes(1), 20, 4);   // 20%
        replay(Duration.ofMinutes(1), 20, 9);   // 45%: past 25%
        replay(Duration.ofMinutes(20), 20, 9);  // and staying there

        assertEquals(1, openIncidents().size(), "one incident for both models: " + openIncidents());
        String id = openIncidents().path(0).path("id").asText();
        JsonNode incident = SignalTestApp.get(server.getURI(), "/api/incidents/" + id);
        JsonNode affected = incident.path("incident").path("affected");
        assertTrue(affected.toString().contains("claude-opus-4-8") && affected.toString().contains("claude-opus-4-7"),
                affected.toString());
        assertTrue(incident.path("timeline").toString().contains("signal:gateway"));
        FakeSlack.Call ask = slack.awaitCall("chat.postMessage", call -> call.param("thread_ts") != null
                && call.param("blocks") != null && call.param("blocks").contains(Interactions.DISABLE + ":"), WAIT);
        // Models that trip in the same evaluation are one reply with a button each ("Switch them off?").
        assertTrue(ask.param("text").contains("Switch it off?") || ask.param("text").contains("Switch them off?"),
                ask.param("text"));
        assertTrue(modelAvailable("claude-opus-4-8"), "auto-disable is false: a person decides");

        // On-call presses Disable; later the gateway's numbers recover.
        availability.disable(List.of(Target.model(SeedCatalog.OPUS_48), Target.model(SeedCatalog.OPUS_47)),
                Actor.user("U0ALICE"), Optional.of("elevated 529s"));
        replay(Duration.ofMinutes(3), 20, 0);
        gateway.check();
        assertFalse(slack.calls("chat.postMessage").stream().anyMatch(call -> call.param("blocks") != null
                && call.param("blocks").contains(Interactions.ENABLE + ":claude-opus-4-8\"")
                && call.param("text").contains("back on")), "not before 5 quiet minutes");
        replay(Duration.ofMinutes(3), 20, 0);
        gateway.check();

        FakeSlack.Call suggest = slack.awaitCall("chat.postMessage", call -> call.param("thread_ts") != null
                && (call.param("text").contains("Switch it back on?")
                || call.param("text").contains("Switch them back on?")), WAIT);
        assertTrue(suggest.param("blocks").contains(Interactions.ENABLE + ":"), suggest.param("blocks"));
        assertFalse(modelAvailable("claude-opus-4-8"), "auto-enable is false: it stays off until someone enables it");
        assertEquals(1, openIncidents().size(), openIncidents().toString());
        assertEquals(id, openIncidents().path(0).path("id").asText(), "still the same incident");
    }

    private boolean modelAvailable(String model) {
        for (JsonNode node : SignalTestApp.get(server.getURI(), "/api/status").path("models")) {
            if (node.path("id").asText().equals(model)) {
                return node.path("available").asBoolean();
            }
        }
        throw new AssertionError("no model " + model);
    }
}
