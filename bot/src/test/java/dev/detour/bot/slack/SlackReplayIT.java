package dev.detour.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A signed request captured and sent again while its signature is still valid is acknowledged and has no
 * effect, on whichever replica it reaches; Slack's own retries, which Slack signs anew, keep working.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackReplayIT implements TestPropertyProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern INCIDENT = Pattern.compile("INC-\\d+");

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
    private final HttpClient http = HttpClient.newHttpClient();
    private Map<String, String> properties;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        slack.addChannel("C0SUPPORT", true);
        slack.addChannel("C0MANAGERS", true);
        properties = SignedSlack.properties(slack);
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    private SlackRequests requests(URI replica) {
        return new SlackRequests(replica, SignedSlack.SIGNING_SECRET);
    }

    @Test
    void aReplayedUpdateIsAcknowledgedAndPostedOnlyOnce() throws Exception {
        String incident = declare("replayed update");
        String update = "Replayed update " + UUID.randomUUID();
        // For customers too, so the update is posted twice: in the incident thread and in the support channel.
        String body = command(SignedSlack.ALICE, "update " + incident + " --public " + update,
                slack.newResponseUrl());
        long signedAt = SlackRequests.now();

        assertEquals(200, requests(server.getURI()).send(body, FORM, signedAt).statusCode());
        awaitPosted(update);
        HttpResponse<String> replay = requests(server.getURI()).send(body, FORM, signedAt);

        assertEquals(200, replay.statusCode(), replay.body());
        assertEquals("", replay.body(), "a replay is acknowledged with nothing to show");
        String later = "A later update " + UUID.randomUUID();
        requests(server.getURI()).send(command(SignedSlack.ALICE, "update " + incident + " --public " + later,
                slack.newResponseUrl()), FORM, SlackRequests.now());
        awaitPosted(later);
        assertEquals(2, posts(update), "once in the incident thread, once in the support channel");
        assertEquals(1, timelineMentions(incident, update));
    }

    @Test
    void aRequestReplayedToAnotherReplicaHasNoEffectThere() throws Exception {
        Map<String, Object> second = new HashMap<>(properties); // the same database
        second.put("micronaut.server.port", "-1");
        second.put("detour.statuspage.poll", "false");
        try (ApplicationContext replica = ApplicationContext.run(EmbeddedServer.class, second)
                .getApplicationContext()) {
            URI other = replica.getBean(EmbeddedServer.class).getURI();
            String responseUrl = slack.newResponseUrl();
            String body = command(SignedSlack.ALICE, "status", responseUrl);
            long signedAt = SlackRequests.now();

            assertEquals(200, requests(server.getURI()).send(body, FORM, signedAt).statusCode());
            slack.awaitResponse(response -> response.url().equals(responseUrl), WAIT);
            assertEquals(200, requests(other).send(body, FORM, signedAt).statusCode());

            String laterUrl = slack.newResponseUrl();
            requests(other).send(command(SignedSlack.ALICE, "status", laterUrl), FORM, SlackRequests.now());
            slack.awaitResponse(response -> response.url().equals(laterUrl), WAIT);
            assertEquals(1, slack.responses().stream().filter(response -> response.url().equals(responseUrl))
                    .count(), "the status was answered once, by the first replica");
        }
    }

    @Test
    void slacksOwnRetryOfAnEventIsSignedAnewAndStillHandledOnce() {
        String user = "U0RETRY";
        ObjectNode event = JSON.createObjectNode().put("token", "legacy-verification-token")
                .put("team_id", "T0DETOUR").put("api_app_id", "A0DETOUR").put("type", "event_callback")
                .put("event_id", "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10))
                .put("event_time", SlackRequests.now());
        event.putObject("event").put("type", "app_home_opened").put("user", user).put("channel", "D0HOME")
                .put("tab", "home").put("event_ts", SlackRequests.now() + ".000100");
        SlackRequests requests = requests(server.getURI());

        assertEquals(200, requests.send(event.toString(), "application/json", SlackRequests.now() - 2)
                .statusCode());
        slack.awaitCall("views.publish", call -> user.equals(call.param("user_id")), WAIT);
        HttpResponse<String> retry = requests.send(event.toString(), "application/json", SlackRequests.now(),
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

        assertEquals(200, retry.statusCode(), retry.body());
        String after = "U0AFTERRETRY";
        ObjectNode next = event.deepCopy().put("event_id", "Ev" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 10));
        ((ObjectNode) next.path("event")).put("user", after);
        requests.send(next.toString(), "application/json", SlackRequests.now());
        slack.awaitCall("views.publish", call -> after.equals(call.param("user_id")), WAIT);
        assertEquals(1, slack.calls("views.publish").stream().filter(call -> user.equals(call.param("user_id")))
                .count(), "the retry was acknowledged, not handled again");
    }

    @Test
    void aRequestSignedMoreThanAMinuteAheadIsRefusedAndOneSlightlyAheadIsTaken() {
        SlackRequests requests = requests(server.getURI());

        HttpResponse<String> ahead = requests.send(command(SignedSlack.ALICE, "help", slack.newResponseUrl()), FORM,
                SlackRequests.now() + 120);
        assertEquals(401, ahead.statusCode(), ahead.body());
        assertTrue(ahead.body().contains("future"), ahead.body());

        HttpResponse<String> slightly = requests.send(command(SignedSlack.ALICE, "help", slack.newResponseUrl()),
                FORM, SlackRequests.now() + 20);
        assertEquals(200, slightly.statusCode(), slightly.body());
    }

    /** A slash command's form body, as Slack sends it. */
    private static String command(String user, String text, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", "T0DETOUR");
        form.put("team_domain", "detour");
        form.put("channel_id", "C0INCIDENTS");
        form.put("channel_name", "incidents");
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", "/detour");
        form.put("text", text);
        form.put("api_app_id", "A0DETOUR");
        form.put("response_url", responseUrl);
        form.put("trigger_id", "13345224609.738474920." + UUID.randomUUID().toString().replace("-", ""));
        return SlackRequests.formBody(form);
    }

    /** Opens an incident on its own model, so tests need no other test's incident. */
    private String declare(String reason) {
        String responseUrl = slack.newResponseUrl();
        requests(server.getURI()).send(command(SignedSlack.ALICE, "declare gpt-5 -- " + reason, responseUrl), FORM,
                SlackRequests.now());
        String text = slack.awaitResponse(response -> response.url().equals(responseUrl), WAIT).body()
                .path("text").asText();
        Matcher id = INCIDENT.matcher(text);
        assertTrue(id.find(), text);
        return id.group();
    }

    private void awaitPosted(String text) {
        slack.awaitCall("chat.postMessage", call -> "C0SUPPORT".equals(call.param("channel"))
                && String.valueOf(FakeSlack.textOf(call)).contains(text), WAIT);
        slack.awaitCall("chat.postMessage", call -> "C0INCIDENTS".equals(call.param("channel"))
                && String.valueOf(FakeSlack.textOf(call)).contains(text), WAIT);
    }

    private long posts(String text) {
        return slack.calls("chat.postMessage").stream().filter(call -> String.valueOf(FakeSlack.textOf(call)).contains(text)).count();
    }

    private long timelineMentions(String incident, String text) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL()
                + "/api/incidents/" + incident)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode timeline = JSON.readTree(response.body()).path("timeline");
        long mentions = 0;
        for (JsonNode entry : timeline) {
            mentions += entry.toString().contains(text) ? 1 : 0;
        }
        return mentions;
    }
}
