package dev.detour.bot.slack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which signed bodies reach Bolt: Slack's own shapes do; anything Bolt would throw on is refused with a reason. */
class SlackPayloadCheckTest {
    private final SlackPayloadCheck check = new SlackPayloadCheck();

    @Test
    void slacksOwnShapesAreReadable() {
        for (String body : new String[]{
                SlackRequests.formBody(Map.of("command", "/detour", "text", "status", "user_id", "U0ALICE",
                        "channel_id", "C0INCIDENTS", "response_url", "https://hooks.slack.com/commands/T0/1/x")),
                SlackRequests.formBody(Map.of("payload", fixture("block_actions-app-home.json"))),
                SlackRequests.formBody(Map.of("payload", fixture("block_actions-modal.json"))),
                "{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV\",\"type\":\"url_verification\"}",
                "ssl_check=1&token=legacy-verification-token"}) {
            assertEquals(new SlackPayloadCheck.Readable(Optional.empty()), check.check(body), body);
        }
    }

    @Test
    void anEventIsReadableWithItsEventId() {
        assertEquals(new SlackPayloadCheck.Readable(Optional.of("Ev0NOTAB0001")),
                check.check(fixture("app_home_opened-without-tab.json")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            [{"type":"event_callback"}]                    | the body must be a JSON object
            {"type":"event_callback"                       | the body is not JSON
            {"type":"event_callback"} {"type":"x"}         | the body is not JSON
            {"event_id":"Ev1"}                             | the body has no "type"
            {"type":"event_callback","event":"x"}          | an event_callback needs an "event" object
            {"type":"event_callback","event":{"type":"app_home_opened"}} | an app_home_opened event needs a "user"
            payload=%7B                                    | the payload is not JSON
            payload=%5B%5D                                 | the payload must be a JSON object
            payload=%7B%7D                                 | the payload has no "type"
            payload=%7B%22type%22%3A%22block_actions%22%7D | a block_actions payload needs a "user" with an "id"
            payload=%ZZ                                    | the body is not valid URL-encoded form data
            command=%2Fdetour&text=status                  | a slash command needs a "user_id"
            """)
    void whatSlackNeverSendsIsRefusedWithAReason(String body, String reason) {
        SlackPayloadCheck.Refused refused = assertInstanceOf(SlackPayloadCheck.Refused.class, check.check(body));
        assertTrue(refused.detail().startsWith(reason), refused.detail());
    }

    @Test
    void aButtonPressNeedsItsActionsAndAFormItsView() {
        String noActions = "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0ALICE\"},\"actions\":[]}";
        String noView = "{\"type\":\"view_submission\",\"user\":{\"id\":\"U0ALICE\"}}";
        String noActionId = "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0ALICE\"},\"actions\":[{\"value\":\"1\"}]}";

        assertInstanceOf(SlackPayloadCheck.Refused.class, check.check(form(noActions)));
        assertInstanceOf(SlackPayloadCheck.Refused.class, check.check(form(noView)));
        assertInstanceOf(SlackPayloadCheck.Refused.class, check.check(form(noActionId)));
    }

    private static String form(String payload) {
        return SlackRequests.formBody(Map.of("payload", payload));
    }

    private static String fixture(String name) {
        try (InputStream in = SlackPayloadCheckTest.class.getResourceAsStream("/slack-payloads/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
