package dev.detour.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detour.messages.Interactions;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests signed with the right secret whose bodies are not what Slack sends: each gets a 400 that says why
 * (or, for a form, an error shown in the form), never a 500, and the log gets no error and no stack trace.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedSlackRequestsIT implements TestPropertyProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded";

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return SignedSlack.seedWorkspace(slack);
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    private SlackRequests requests() {
        return new SlackRequests(server.getURI(), SignedSlack.SIGNING_SECRET);
    }

    @Test
    void aSignedBodyThatIsAJsonArrayIsRefusedWith400() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            HttpResponse<String> response = requests().send(
                    "[{\"type\":\"event_callback\",\"event_id\":\"Ev0ARRAY\"}]", "application/json",
                    SlackRequests.now());

            assertRefused(response, "JSON object");
            assertEquals(List.of(), logs.errorsAndStackTraces());
        }
    }

    @Test
    void aPayloadThatIsNotJsonIsRefusedWith400() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            HttpResponse<String> response = requests().send(
                    SlackRequests.formBody(Map.of("payload", "{\"type\": \"block_actions\", \"user\": ")), FORM,
                    SlackRequests.now());

            assertRefused(response, "not JSON");
            assertEquals(List.of(), logs.errorsAndStackTraces());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"block_actions\"", "[]", "42", "null", "{}", "{\"type\": [\"block_actions\"]}"})
    void aPayloadThatIsNotAnObjectWithATypeIsRefusedWith400(String payload) {
        try (CapturedLogs logs = CapturedLogs.start()) {
            HttpResponse<String> response = requests().send(SlackRequests.formBody(Map.of("payload", payload)), FORM,
                    SlackRequests.now());

            assertRefused(response, "payload");
            assertEquals(List.of(), logs.errorsAndStackTraces());
        }
    }

    @Test
    void aFormBodyWithABrokenEscapeIsRefusedWith400() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            HttpResponse<String> response = requests().send("payload=%7B%ZZ", FORM, SlackRequests.now());

            assertRefused(response, "URL-encoded");
            assertEquals(List.of(), logs.errorsAndStackTraces());
        }
    }

    @Test
    void aButtonPressWithoutAUserIsRefusedWith400() {
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A0DETOUR")
                .put("response_url", slack.newResponseUrl()).put("trigger_id", "13345224609.738474920.80889308");
        payload.putObject("team").put("id", "T0DETOUR").put("domain", "detour");
        payload.putObject("channel").put("id", "C0INCIDENTS").put("name", "incidents");
        payload.putArray("actions").addObject().put("type", "button").put("action_id", Interactions.ACKNOWLEDGE)
                .put("block_id", "incident-actions").put("value", "INC-1").put("action_ts", "1760000001.000200");
        try (CapturedLogs logs = CapturedLogs.start()) {
            HttpResponse<String> response = requests().send(SlackRequests.formBody(Map.of("payload",
                    payload.toString())), FORM, SlackRequests.now());

            assertRefused(response, "user");
            assertEquals(List.of(), logs.errorsAndStackTraces());
        }
    }

    @Test
    void aFormSubmissionWithoutAUserIsRefusedWith400() {
        ObjectNode payload = JSON.createObjectNode().put("type", "view_submission").put("api_app_id", "A0DETOUR");
        payload.putObject("team").put("id", "T0DETOUR").put("domain", "detour");
        ObjectNode view = payload.putObject("view").put("id", "V0MODAL").put("type", "modal")
                .put("callback_id", Interactions.UPDATE_MODAL).put("private_metadata", "INC-1");
        view.putObject("state").putObject("values").putObject(Interactions.UPDATE_INPUT)
                .putObject(Interactions.UPDATE_INPUT).put("type", "plain_text_input").put("value", "an update");
        try (CapturedLogs logs = CapturedLogs.start()) {
            HttpResponse<String> response = requests().send(SlackRequests.formBody(Map.of("payload",
                    payload.toString())), FORM, SlackRequests.now());

            assertRefused(response, "user");
            assertEquals(List.of(), logs.errorsAndStackTraces());
        }
    }

    @Test
    void aSlashCommandWithoutAUserIsRefusedWith400() {
        String body = SlackRequests.formBody(Map.of("command", "/detour", "text", "status",
                "channel_id", "C0INCIDENTS", "response_url", slack.newResponseUrl()));
        try (CapturedLogs logs = CapturedLogs.start()) {
            HttpResponse<String> response = requests().send(body, FORM, SlackRequests.now());

            assertRefused(response, "user_id");
            assertEquals(List.of(), logs.errorsAndStackTraces());
        }
    }

    @Test
    void theDeclareFormNamingAModelNoLongerInTheConfigShowsAnErrorInTheForm() throws Exception {
        try (CapturedLogs logs = CapturedLogs.start()) {
            HttpResponse<String> submitted = requests().declareSubmission(SignedSlack.ALICE,
                    List.of("model:claude-opus-3", "provider:mistral"), "outage", "gone from the config");

            assertEquals(200, submitted.statusCode(), submitted.body());
            JsonNode answer = JSON.readTree(submitted.body());
            assertEquals("errors", answer.path("response_action").asText(), submitted.body());
            String error = answer.path("errors").path(Interactions.TARGETS_INPUT).asText();
            assertTrue(error.contains("claude-opus-3"), submitted.body());
            assertEquals(List.of(), logs.errorsAndStackTraces());
        }
        assertFalse(get("/api/incidents").toString().contains("gone from the config"), "no incident was opened");
    }

    private static void assertRefused(HttpResponse<String> response, String reason) {
        assertEquals(400, response.statusCode(), response.body());
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
        assertEquals("invalid_payload", body.path("error").asText(), response.body());
        assertTrue(body.path("detail").asText().contains(reason), response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("Gson")
                || response.body().contains("line 1 column"), "no parser internals: " + response.body());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
