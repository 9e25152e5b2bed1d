package dev.detour.bot.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/preview}: the preview of a change as JSON, with the API token; nothing changes. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewApiIT implements TestPropertyProvider {
    private static final String TOKEN = "api-token-for-preview-tests-0123";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ObjectMapper json;

    @Inject
    AuditTrail audit;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        TestDatabase.h2().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put("detour.api-token", TOKEN);
        return properties;
    }

    @Test
    void aProviderWideDisableIsPreviewedWithEveryClassQuestionAndFlagAndNothingChanges() throws Exception {
        int records = auditRecords();
        String statusBefore = http.toBlocking().retrieve(HttpRequest.GET("/api/status").bearerAuth(TOKEN));

        JsonNode preview = post("{\"action\": \"disable\", \"targets\": [\"anthropic\"]}");

        assertEquals("disable", preview.get("change").get("action").asText());
        assertEquals(List.of("anthropic"), texts(preview.get("change").get("targets")));
        assertTrue(preview.get("version").asText().matches("[0-9a-f]{24}"), preview.toString());
        JsonNode meetings = preview.get("taskClasses").get(0);
        assertEquals("meeting-summary", meetings.get("id").asText());
        assertEquals("claude-opus-4-8", meetings.get("before").get("serving").asText());
        assertEquals("fallback", meetings.get("after").get("state").asText());
        assertEquals("gpt-5", meetings.get("after").get("serving").asText());
        assertEquals(List.of("code-migration", "legal-review"), texts(preview.get("paused")));
        JsonNode question = preview.get("questions").get(0);
        assertEquals(List.of("code-migration", "gpt-5", "PT15M", "deny"), List.of(question.get("taskClass").asText(),
                question.get("offered").asText(), question.get("timeout").asText(), question.get("onTimeout").asText()));
        assertTrue(preview.get("flags").toString().contains(
                "{\"key\":\"provider.anthropic.enabled\",\"before\":\"true\",\"after\":\"false\"}"), preview.toString());
        assertEquals(3, preview.get("switchedOff").size());
        assertEquals("unknown", preview.get("switchedOff").get(0).get("health").asText(), "no gateway numbers yet");
        assertTrue(preview.get("narrower").isNull());
        assertEquals("status", preview.get("supportPost").get("kind").asText(), preview.toString());
        assertTrue(preview.get("supportPost").get("text").asText().startsWith("Meeting summaries: running on GPT-5 for"
                + " now.\nCode migration plans: paused"), preview.toString());
        assertEquals(records, auditRecords(), "a preview is not audited");
        assertEquals(without("at", statusBefore), without("at",
                http.toBlocking().retrieve(HttpRequest.GET("/api/status").bearerAuth(TOKEN))), "nothing changed");
    }

    @Test
    void aRouteOverrideIsPreviewed() throws Exception {
        JsonNode preview = post("{\"action\": \"route\", \"taskClass\": \"legal-review\", \"to\": \"stop\"}");

        assertEquals("stop", preview.get("change").get("to").asText());
        assertEquals(List.of("legal-review"), texts(preview.get("paused")));
        assertEquals(0, preview.get("switchedOff").size());
        assertTrue(preview.get("supportPost").get("text").asText().startsWith("Contract review: paused until"),
                preview.toString());
    }

    @Test
    void aChangeThatMovesNoFeatureMakesNoSupportPost() throws Exception {
        JsonNode preview = post("{\"action\": \"enable\", \"targets\": [\"openai\"]}");

        assertTrue(preview.get("supportPost").isNull(), preview.toString());
    }

    @Test
    void aBodyThatIsNoChangeGetsA400SayingWhatIsWrong() {
        assertProblem("not json", HttpStatus.BAD_REQUEST, "not valid JSON");
        assertProblem("{\"action\": \"disable\"", HttpStatus.BAD_REQUEST, "ends before");
        assertProblem("[]", HttpStatus.BAD_REQUEST, "JSON object");
        assertProblem("{}", HttpStatus.BAD_REQUEST, "\"action\"");
        assertProblem("{\"action\": \"explode\"}", HttpStatus.BAD_REQUEST, "explode");
        assertProblem("{\"action\": \"disable\", \"targets\": []}", HttpStatus.BAD_REQUEST, "targets");
        assertProblem("{\"action\": \"disable\", \"targets\": [7]}", HttpStatus.BAD_REQUEST, "strings");
        assertProblem("{\"action\": \"disable\", \"targets\": [\"Not An Id\"]}", HttpStatus.BAD_REQUEST, "valid id");
        assertProblem("{\"action\": \"route\", \"taskClass\": \"legal-review\"}", HttpStatus.BAD_REQUEST, "\"to\"");
        assertProblem("{\"action\": \"consent\", \"taskClass\": \"code-migration\", \"answer\": \"maybe\"}",
                HttpStatus.BAD_REQUEST, "approve");
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() {
        String huge = "{\"action\": \"disable\", \"targets\": [" + "\"gpt-5\",".repeat(PreviewRequest.MAX_BYTES / 8)
                + "\"gpt-5\"]}";

        assertProblem(huge, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "at most");
    }

    @Test
    void aChangeDetourWouldRefuseGetsTheRefusalTheChangeItselfWouldGet() {
        HttpClientResponseException unknown = refused("{\"action\": \"disable\", \"targets\": [\"nope\", \"anthropic\"]}");
        HttpClientResponseException noClass = refused("{\"action\": \"route\", \"taskClass\": \"no-such-class\","
                + " \"to\": \"stop\"}");
        HttpClientResponseException noQuestion = refused("{\"action\": \"consent\", \"taskClass\": \"code-migration\","
                + " \"answer\": \"approve\"}");

        assertTrue(detail(unknown).contains("nope"), detail(unknown));
        assertTrue(detail(noClass).contains("no-such-class"), detail(noClass));
        assertTrue(detail(noQuestion).contains("code-migration"), detail(noQuestion));
    }

    @Test
    void thePreviewNeedsTheApiToken() {
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/preview",
                        "{\"action\": \"disable\", \"targets\": [\"anthropic\"]}"), String.class));

        assertEquals(HttpStatus.UNAUTHORIZED, missing.getStatus());
        assertEquals("unauthorized", missing.getResponse().getBody(ApiError.class).orElseThrow().error());
    }

    private JsonNode post(String body) throws Exception {
        return json.readTree(http.toBlocking().retrieve(HttpRequest.POST("/api/preview", body).bearerAuth(TOKEN)));
    }

    private HttpClientResponseException refused(String body) {
        HttpClientResponseException problem = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/preview", body).bearerAuth(TOKEN),
                        String.class));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, problem.getStatus(), body);
        assertEquals("refused", problem.getResponse().getBody(ApiError.class).orElseThrow().error());
        return problem;
    }

    private static String detail(HttpClientResponseException problem) {
        return problem.getResponse().getBody(ApiError.class).orElseThrow().detail();
    }

    private void assertProblem(String body, HttpStatus status, String detailMentions) {
        HttpClientResponseException problem = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/preview", body).bearerAuth(TOKEN),
                        String.class));
        assertEquals(status, problem.getStatus(), body);
        ApiError error = problem.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals(status.name().toLowerCase(java.util.Locale.ROOT), error.error(), body);
        assertTrue(error.detail().contains(detailMentions), body + ": " + error.detail());
    }

    private int auditRecords() {
        return audit.search(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0,
                AuditQuery.MAX_LIMIT, AuditQuery.Order.NEWEST_FIRST)).size();
    }

    private String without(String field, String body) throws Exception {
        JsonNode node = json.readTree(body);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove(field);
        return node.toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
