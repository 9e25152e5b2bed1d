package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.signals.GatewayMonitor;
import dev.detour.incidents.testing.MovableClock;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /signals/litellm} end to end: LiteLLM's own standard logging payload, in each of its callback's
 * formats, counts as gateway outcomes; the seed incident replayed as LiteLLM logs opens the incident.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiteLlmCallbackIT implements TestPropertyProvider {
    private final FakeSlack slack = SignalTestApp.slack();

    @Inject
    EmbeddedServer server;
    @Inject
    MovableClock clock;
    @Inject
    GatewayMonitor monitor;
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
        slack.clear();
    }

    private HttpResponse<String> send(String body, String token) {
        return SignalTestApp.post(server.getURI(), "/signals/litellm", body, token);
    }

    private long gpt5Requests() {
        return monitor.stats(SeedCatalog.GPT_5, clock.instant()).map(stats -> stats.requests()).orElse(0L);
    }

    @Test
    void everyLogFormatCountsEachLogAsOneOutcome() {
        List<ObjectNode> logs = List.of(LiteLlmLogs.success("gpt-5"),
                LiteLlmLogs.failure("gpt-5", "500", "InternalServerError"));
        long before = gpt5Requests();
        HttpResponse<String> array = send(LiteLlmLogs.jsonArray(logs), SignalTestApp.TOKEN);
        HttpResponse<String> ndjson = send(LiteLlmLogs.ndjson(logs), SignalTestApp.TOKEN);
        HttpResponse<String> single = send(LiteLlmLogs.single(logs.get(1)), SignalTestApp.TOKEN);

        assertEquals(202, array.statusCode(), array.body());
        assertEquals(2, SignalTestApp.json(array.body()).path("accepted").asInt());
        assertEquals(202, ndjson.statusCode(), ndjson.body());
        assertEquals(202, single.statusCode(), single.body());
        assertEquals(before + 5, gpt5Requests());
    }

    @Test
    void theSeedIncidentAsLiteLlmLogsOpensOneIncident() {
        clock.advance(Duration.ofMinutes(5));
        for (int tick = 0; tick < 24; tick++) {   // 4 minutes of 45% 529s on both Opus models
            clock.advance(Duration.ofSeconds(10));
            List<ObjectNode> logs = new ArrayList<>();
            for (String model : List.of("claude-opus-4-8", "claude-opus-4-7")) {
                for (int i = 0; i < 20; i++) {
                    logs.add(i < 9 ? LiteLlmLogs.failure(model, "529", "InternalServerError")
                            : LiteLlmLogs.success(model));
                }
            }
            assertEquals(202, send(LiteLlmLogs.ndjson(logs), SignalTestApp.TOKEN).statusCode());
        }
        JsonNode open = SignalTestApp.get(server.getURI(), "/api/incidents?state=open").path("incidents");
        assertEquals(1, open.size(), open.toString());
        String id = open.path(0).path("id").asText();
        JsonNode incident = SignalTestApp.get(server.getURI(), "/api/incidents/" + id);
        assertTrue(incident.path("timeline").toString().contains("signal:gateway"), incident.toString());
    }

    @Test
    void badInputGetsA4xxWithAJsonBody() {
        String body = LiteLlmLogs.single(LiteLlmLogs.success("gpt-5"));
        assertEquals(401, send(body, null).statusCode());
        HttpResponse<String> wrong = send(body, "wrong-token-0123456789");
        assertEquals(401, wrong.statusCode());
        assertTrue(SignalTestApp.json(wrong.body()).has("detail"), wrong.body());

        HttpResponse<String> malformed = send("[{\"model\":\"gpt-5\",}]", SignalTestApp.TOKEN);
        assertEquals(400, malformed.statusCode());
        assertEquals("malformed_logs", SignalTestApp.json(malformed.body()).path("error").asText());

        HttpResponse<String> unknown = send(LiteLlmLogs.jsonArray(List.of(LiteLlmLogs.success("gpt-4o"),
                LiteLlmLogs.success("gpt-5"))), SignalTestApp.TOKEN);
        assertEquals(422, unknown.statusCode());
        JsonNode answer = SignalTestApp.json(unknown.body());
        assertEquals(1, answer.path("accepted").asInt());
        assertTrue(answer.path("detail").asText().contains("gpt-4o"), unknown.body());

        HttpResponse<String> oversize = send("[" + "{\"model\":\"gpt-5\"},".repeat(700_000) + "{}]",
                SignalTestApp.TOKEN);
        assertEquals(413, oversize.statusCode());
        assertTrue(SignalTestApp.json(oversize.body()).isObject(), oversize.body());
    }
}
