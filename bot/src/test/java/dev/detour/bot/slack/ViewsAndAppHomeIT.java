package dev.detour.bot.slack;

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

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slack payloads from views rather than channel messages, in the shapes Slack publishes
 * ({@code src/test/resources/slack-payloads}): an App Home event without {@code tab}, and button presses
 * without {@code response_url} (App Home, modals). Each gets its answer another way, and nothing logs an error.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewsAndAppHomeIT implements TestPropertyProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);

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
    void openingTheAppHomeWithoutATabPublishesTheHome() {
        String user = "U0NOTAB";
        ObjectNode event = payload("app_home_opened-without-tab.json");
        event.put("event_id", "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10))
                .put("event_time", SlackRequests.now());
        ((ObjectNode) event.path("event")).put("user", user);
        try (CapturedLogs logs = CapturedLogs.start()) {
            HttpResponse<String> response = requests().send(event.toString(), "application/json",
                    SlackRequests.now());

            assertEquals(200, response.statusCode(), response.body());
            FakeSlack.Call published = slack.awaitCall("views.publish", call -> user.equals(call.param("user_id")),
                    WAIT);
            assertTrue(published.ok(), published.toString());
            assertEquals(List.of(), logs.errorsAndStackTraces());
        }
    }

    @Test
    void aButtonPressedInTheAppHomeIsAnsweredInADirectMessage() {
        assertAnsweredInADirectMessage("block_actions-app-home.json", "U0HOMEPRESS");
    }

    @Test
    void aButtonPressedInAModalIsAnsweredInADirectMessage() {
        assertAnsweredInADirectMessage("block_actions-modal.json", "U0MODALPRESS");
    }

    @Test
    void aButtonPressedInAChannelWithoutAResponseUrlIsAnsweredEphemerallyInThatChannel() {
        String user = "U0NOURL";
        try (CapturedLogs logs = CapturedLogs.start()) {
            HttpResponse<String> response = press("block_actions-no-response-url.json", user);

            assertEquals(200, response.statusCode(), response.body());
            FakeSlack.Call answer = slack.awaitCall("chat.postEphemeral", call -> user.equals(call.param("user")),
                    WAIT);
            assertTrue(answer.ok(), answer.toString());
            assertEquals("C0INCIDENTS", answer.param("channel"));
            assertTrue(answer.param("text").contains("Only on-call"), answer.param("text"));
            assertEquals(List.of(), logs.errorsAndStackTraces());
        }
    }

    private void assertAnsweredInADirectMessage(String fixture, String user) {
        try (CapturedLogs logs = CapturedLogs.start()) {
            HttpResponse<String> response = press(fixture, user);

            assertEquals(200, response.statusCode(), response.body());
            FakeSlack.Call answer = slack.awaitCall("chat.postMessage", call -> user.equals(call.param("channel")),
                    WAIT);
            assertTrue(answer.ok(), answer.toString());
            assertTrue(answer.param("text").contains("Only on-call"), answer.param("text"));
            assertEquals(List.of(), logs.errorsAndStackTraces());
        }
    }

    /** Someone outside on-call (every user of these tests) presses Acknowledge: Detour answers with a refusal, seen only by them. */
    private HttpResponse<String> press(String fixture, String user) {
        ObjectNode payload = payload(fixture);
        ((ObjectNode) payload.path("user")).put("id", user).put("username", user.toLowerCase())
                .put("name", user.toLowerCase());
        ((ObjectNode) payload.path("actions").path(0)).put("action_id", Interactions.ACKNOWLEDGE)
                .put("value", "INC-1");
        assertTrue(payload.path("response_url").isMissingNode(), "Slack sends no response_url here");
        return requests().send(SlackRequests.formBody(Map.of("payload", payload.toString())),
                "application/x-www-form-urlencoded", SlackRequests.now());
    }

    private static ObjectNode payload(String name) {
        try (InputStream in = ViewsAndAppHomeIT.class.getResourceAsStream("/slack-payloads/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test payload " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
