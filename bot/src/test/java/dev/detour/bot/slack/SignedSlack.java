package dev.detour.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import dev.detour.notifications.testing.FakeSlack;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** For tests outside this package: Slack set up against a fake, and requests signed as Slack signs them. */
public final class SignedSlack {
    public static final String BOT_TOKEN = "xoxb-1234567890-0987654321-abcdefghijklmnopqrstuvwx";
    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    public static final String ALICE = "U0ALICE";

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SlackRequests requests;
    private final FakeSlack slack;

    public SignedSlack(URI server, FakeSlack slack) {
        this.requests = new SlackRequests(server, SIGNING_SECRET);
        this.slack = slack;
    }

    /** The seed catalog's three channels in the fake workspace (Detour is a member), then {@link #properties}. */
    public static Map<String, String> seedWorkspace(FakeSlack slack) {
        slack.addChannel("C0INCIDENTS", true);
        slack.addChannel("C0SUPPORT", true);
        slack.addChannel("C0MANAGERS", true);
        return properties(slack);
    }

    /** A fresh H2 database, the seed catalog on the real clock (signature checks use it), Slack at the fake. */
    public static Map<String, String> properties(FakeSlack slack) {
        Map<String, String> properties = new HashMap<>();
        TestDatabase.h2().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put(SeedConfigFactory.REAL_CLOCK, "true");
        properties.put("slack.bot-token", BOT_TOKEN);
        properties.put("slack.signing-secret", SIGNING_SECRET);
        properties.put("slack.api-url", slack.apiUrl());
        properties.put("detour.outbox.poll", "50ms");
        return properties;
    }

    /**
     * {@link #seedWorkspace} with OpenAI's recovery staged (steps 10, 50, 100) and ramps never ticked on their own:
     * a ramp moves only when the test moves it.
     */
    public static Map<String, String> stagedOpenAiWorkspace(FakeSlack slack) {
        Map<String, String> properties = seedWorkspace(slack);
        properties.put("detour.slack.burst", "100");
        properties.put(SeedConfigFactory.STAGED_PROVIDER, "openai");
        properties.put("detour.recovery.tick", "1h");
        return properties;
    }

    /** Types {@code text} as {@code user} and returns the text of the answer at its response URL. */
    public String answerTo(String user, String text) {
        String responseUrl = slack.newResponseUrl();
        assertEquals(200, command(user, text, responseUrl).statusCode());
        return slack.awaitResponse(response -> response.url().equals(responseUrl), WAIT).body().path("text").asText();
    }

    /** Presses the button {@code actionId} (with {@code value}) as {@code user}; returns the answer's text. */
    public String answerToPress(String user, String actionId, String value) {
        String responseUrl = slack.newResponseUrl();
        assertEquals(200, blockAction(user, actionId, value, responseUrl).statusCode());
        return slack.awaitResponse(response -> response.url().equals(responseUrl), WAIT).body().path("text").asText();
    }

    public HttpResponse<String> command(String user, String text) {
        return command(user, text, slack.newResponseUrl());
    }

    /** @param responseUrl one of the fake's ({@code FakeSlack#newResponseUrl}), to await the answer there */
    public HttpResponse<String> command(String user, String text, String responseUrl) {
        return requests.command(user, text, responseUrl);
    }

    public HttpResponse<String> blockAction(String user, String actionId, String value) {
        return requests.blockAction(user, actionId, value, slack.newResponseUrl());
    }

    /** @param responseUrl one of the fake's, to await the answer there */
    public HttpResponse<String> blockAction(String user, String actionId, String value, String responseUrl) {
        return requests.blockAction(user, actionId, value, responseUrl);
    }

    /**
     * Types a switch-off that asks first ({@code policy.confirm}) and presses the button {@code actionId} on the
     * preview it answers with.
     *
     * @return the answer to the press, as Slack receives it at the response URL
     */
    public JsonNode commandAndPress(String user, String text, String actionId) {
        String previewUrl = slack.newResponseUrl();
        command(user, text, previewUrl);
        JsonNode preview = slack.awaitResponse(r -> r.url().equals(previewUrl), WAIT).body();
        String pressUrl = slack.newResponseUrl();
        blockAction(user, actionId, buttonValue(preview, actionId), pressUrl);
        return slack.awaitResponse(r -> r.url().equals(pressUrl), WAIT).body();
    }

    /** The value of the message's button {@code actionId}; fails the test when it has none. */
    public static String buttonValue(JsonNode message, String actionId) {
        for (JsonNode block : message.path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText())) {
                    return element.path("value").asText();
                }
            }
        }
        throw new AssertionError("no button " + actionId + " in " + message);
    }
}
