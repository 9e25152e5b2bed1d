package dev.detour.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.messages.Interactions;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Slack surface end to end: signed requests into {@code /slack/events}, Detour's answers through
 * {@code response_url} and the Web API of a fake Slack served over real HTTP.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackIT implements TestPropertyProvider {
    static final String BOT_TOKEN = SignedSlack.BOT_TOKEN;
    static final String SIGNING_SECRET = SignedSlack.SIGNING_SECRET;
    static final String ALICE = SignedSlack.ALICE;  // on-call by name
    static final String BOB = "U0BOB";              // on-call through the S0ONCALL user group
    static final String MALLORY = "U0MALLORY";      // not on-call
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlack slack = FakeSlack.start(BOT_TOKEN);
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        slack.addChannel("C0SUPPORT", true);
        slack.addChannel("C0MANAGERS", true);
        slack.addUserGroup("S0ONCALL", BOB);
        return SignedSlack.properties(slack);
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    private SlackRequests requests() {
        return new SlackRequests(server.getURI(), SIGNING_SECRET);
    }

    @Test
    @Order(1)
    void onCallDisablesTwoModelsAndTheIncidentAppearsInItsChannel() throws Exception {
        String responseUrl = slack.newResponseUrl();
        long started = System.nanoTime();
        HttpResponse<String> ack = requests().command(ALICE,
                "disable claude-opus-4-7 claude-opus-4-8 -- elevated 529s", responseUrl);
        long ackMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(200, ack.statusCode());
        assertTrue(ackMillis < 3000, "acknowledged in " + ackMillis + " ms");
        FakeSlack.Response reply = slack.awaitResponse(r -> r.url().equals(responseUrl), WAIT);
        assertEquals("ephemeral", reply.body().path("response_type").asText());
        assertTrue(reply.body().path("text").asText().contains("INC-1"), reply.body().toString());

        FakeSlack.Call root = slack.awaitCall("chat.postMessage",
                call -> "C0INCIDENTS".equals(call.param("channel")) && call.param("thread_ts") == null, WAIT);
        String rootBlocks = FakeSlack.blocksOf(root).toString();
        assertTrue(rootBlocks.contains("INC-1"), rootBlocks);
        assertTrue(rootBlocks.contains("Claude Opus 4.7") && rootBlocks.contains("Claude Opus 4.8"), rootBlocks);
        assertTrue(rootBlocks.contains("Meeting summaries") && rootBlocks.contains("fallback → GPT-5"), rootBlocks);
        assertTrue(rootBlocks.contains("Contract review") && rootBlocks.contains("stopped"), rootBlocks);
        assertTrue(rootBlocks.contains(Interactions.RESOLVE), "the root message has its buttons");

        JsonNode status = get("/api/status");
        for (JsonNode model : status.path("models")) {
            if (model.path("id").asText().startsWith("claude-opus-4-")) {
                assertFalse(model.path("available").asBoolean(), model.toString());
            }
        }
        JsonNode audit = get("/api/audit?model=claude-opus-4-8");
        assertTrue(audit.toString().contains("user:" + ALICE), audit.toString());
        assertTrue(audit.toString().contains("elevated 529s"), audit.toString());

        // Later events (the models switched off, the routes that moved) reply in the root message's thread.
        FakeSlack.Call reply1 = slack.awaitCall("chat.postMessage", call -> call.param("thread_ts") != null
                && call.param("text").contains("disabled"), WAIT);
        assertEquals("C0INCIDENTS", reply1.param("channel"));
    }

    @Test
    @Order(2)
    void someoneOutsideOnCallIsRefusedAndNothingChanges() throws Exception {
        String responseUrl = slack.newResponseUrl();
        requests().command(MALLORY, "disable gpt-5 -- I think it is down", responseUrl);

        FakeSlack.Response reply = slack.awaitResponse(r -> r.url().equals(responseUrl), WAIT);
        assertEquals("ephemeral", reply.body().path("response_type").asText());
        assertTrue(reply.body().path("text").asText().contains("Only on-call"), reply.body().toString());
        assertTrue(modelAvailable("gpt-5"));
        assertFalse(get("/api/audit").toString().contains(MALLORY));
    }

    @Test
    @Order(3)
    void aMemberOfTheOnCallUserGroupMayAct() throws Exception {
        String responseUrl = slack.newResponseUrl();
        requests().command(BOB, "state INC-1 identified", responseUrl);

        FakeSlack.Response reply = slack.awaitResponse(r -> r.url().equals(responseUrl), WAIT);
        assertTrue(reply.body().path("text").asText().contains("identified"), reply.body().toString());
        assertEquals("identified", get("/api/incidents/INC-1").path("incident").path("state").asText());
        slack.awaitCall("usergroups.users.list", call -> "S0ONCALL".equals(call.param("usergroup")), WAIT);
    }

    @Test
    @Order(4)
    void mistypedCommandsGetAnExplanationAndTheRightUsage() {
        assertAnswer("staus", "did you mean `status`?");
        assertAnswer("disable claude-opus-4-9", "did you mean `claude-opus-4-7` or `claude-opus-4-8`?");
        assertAnswer("disable claude-opus-4-9", "/detour disable &lt;provider|model&gt;");
        assertAnswer("resolve", "Say which incident");
        assertAnswer("resolve", "/detour resolve &lt;INC-n&gt;");
    }

    private void assertAnswer(String text, String expected) {
        HttpResponse<String> ack = requests().command(ALICE, text, slack.newResponseUrl());
        assertEquals(200, ack.statusCode());
        JsonNode answer = json(ack.body());
        assertEquals("ephemeral", answer.path("response_type").asText(), ack.body());
        assertTrue(answer.path("text").asText().contains(expected), ack.body());
    }

    @Test
    @Order(5)
    void forgedMissingStaleAndFutureSignaturesAreRefusedAndChangeNothing() throws Exception {
        SlackRequests requests = requests();
        String body = SlackRequests.formBody(Map.of("command", "/detour", "text", "disable gpt-5",
                "user_id", ALICE, "channel_id", "C0INCIDENTS", "response_url", slack.newResponseUrl()));
        String form = "application/x-www-form-urlencoded";
        String now = Long.toString(SlackRequests.now());

        assertEquals(401, requests.sendSigned(body, form, now, "v0=" + "0".repeat(64), Map.of()).statusCode());
        assertEquals(401, requests.sendSigned(body, form, null, null, Map.of()).statusCode());
        assertEquals(401, requests.send(body, form, SlackRequests.now() - 6 * 60).statusCode());
        assertEquals(401, requests.send(body, form, SlackRequests.now() + 6 * 60).statusCode());
        HttpResponse<String> forged = requests.sendSigned(body + "x", form, now,
                new com.slack.api.app_backend.SlackSignature.Generator(SIGNING_SECRET).generate(now, body), Map.of());
        assertEquals(401, forged.statusCode());
        assertTrue(forged.body().contains("\"error\""), forged.body());

        Thread.sleep(300);
        assertTrue(modelAvailable("gpt-5"), "no forged request got through");
    }

    @Test
    @Order(6)
    void aRetriedEventIsAcknowledgedButHandledOnce() throws Exception {
        assertEquals(200, requests().appHomeOpened("Ev0RETRY1", ALICE, Map.of()).statusCode());
        slack.awaitCall("views.publish", call -> ALICE.equals(call.param("user_id")), WAIT);
        assertEquals(200, requests().appHomeOpened("Ev0RETRY1", ALICE,
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")).statusCode());

        Thread.sleep(500);
        assertEquals(1, slack.calls("views.publish").size());
        String home = FakeSlack.blocksOf(slack.calls("views.publish").get(0)).toString();
        assertTrue(home.contains("INC-1"), "the App Home shows the current status: " + home);
    }

    @Test
    @Order(7)
    void slackChecksTheEventsUrlWithAChallenge() {
        String body = "{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                + "\"type\":\"url_verification\"}";
        HttpResponse<String> response = requests().send(body, "application/json", SlackRequests.now());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
    }

    @Test
    @Order(8)
    void pressingResolveWithASummaryResolvesTheIncidentAndEditsTheRootMessage() throws Exception {
        HttpResponse<String> press = requests().blockAction(ALICE, Interactions.RESOLVE, "INC-1",
                slack.newResponseUrl());
        assertEquals(200, press.statusCode());
        FakeSlack.Call opened = slack.awaitCall("views.open",
                call -> call.param("view") != null && call.param("view").contains(Interactions.RESOLVE_MODAL), WAIT);
        assertTrue(opened.param("view").contains("INC-1"), opened.param("view"));

        int editsBefore = slack.calls("chat.update").size();
        HttpResponse<String> submitted = requests().viewSubmission(ALICE, Interactions.RESOLVE_MODAL, "INC-1",
                Map.of(Interactions.SUMMARY_INPUT, "Anthropic recovered; fallbacks ended."));
        assertEquals(200, submitted.statusCode());
        assertFalse(submitted.body().contains("errors"), submitted.body());

        // Carried out after the acknowledgement: the edit shows it done.
        FakeSlack.Call edit = slack.awaitCall("chat.update",
                call -> FakeSlack.blocksOf(call).toString().contains("INC-1 · Outage · resolved"), WAIT);
        assertEquals("resolved", get("/api/incidents/INC-1").path("incident").path("state").asText());
        assertTrue(slack.calls("chat.update").size() > editsBefore);
        assertEquals(rootTs(), edit.param("ts"), "the root message is edited in place");
        assertFalse(FakeSlack.blocksOf(edit).toString().contains(Interactions.RESOLVE + "\""),
                "a resolved incident has no buttons");
    }

    @Test
    @Order(10)
    void declareWithoutArgumentsAndTheShortcutOpenTheDeclareForm() {
        HttpResponse<String> ack = requests().command(ALICE, "declare", slack.newResponseUrl());
        assertEquals(200, ack.statusCode());
        slack.awaitCall("views.open", call -> call.param("view").contains(Interactions.DECLARE_MODAL), WAIT);
        int opened = slack.calls("views.open").size();

        assertEquals(200, requests().globalShortcut(BOB, Interactions.DECLARE_SHORTCUT).statusCode());
        slack.awaitCall("views.open", call -> slack.calls("views.open").size() > opened
                && call.param("view").contains("claude-opus-4-8"), WAIT);
    }

    @Test
    @Order(11)
    void theDeclareFormOpensAnIncidentWithItsRootMessage() throws Exception {
        HttpResponse<String> submitted = requests().declareSubmission(ALICE,
                List.of("model:gpt-5"), "degradation", "GPT-5 answers slowly");
        assertEquals(200, submitted.statusCode());
        assertFalse(submitted.body().contains("errors"), submitted.body());

        // Carried out after the acknowledgement: the note to Alice says it is done.
        slack.awaitCall("chat.postMessage", call -> ALICE.equals(call.param("channel"))
                && call.param("text").contains("INC-2"), WAIT);
        JsonNode incident = get("/api/incidents/INC-2").path("incident");
        assertEquals("degradation", incident.path("kind").asText());
        assertEquals("GPT-5 answers slowly", incident.path("title").asText());
        slack.awaitCall("chat.postMessage", call -> call.param("thread_ts") == null
                && FakeSlack.blocksOf(call).toString().contains("INC-2 · Degradation · investigating"), WAIT);
    }

    @Test
    @Order(12)
    void theDeclareFormRefusesAnEmptyChoiceInPlace() {
        HttpResponse<String> submitted = requests().declareSubmission(ALICE, List.of(), "outage", "");
        assertEquals(200, submitted.statusCode());
        JsonNode answer = json(submitted.body());
        assertEquals("errors", answer.path("response_action").asText(), submitted.body());
        assertTrue(answer.path("errors").has(Interactions.TARGETS_INPUT), submitted.body());
    }

    @Test
    @Order(13)
    void acknowledgingEditsTheRootMessage() throws Exception {
        requests().blockAction(ALICE, Interactions.ACKNOWLEDGE, "INC-2", slack.newResponseUrl());

        slack.awaitCall("chat.update", call -> FakeSlack.blocksOf(call).toString().contains("INC-2")
                && FakeSlack.blocksOf(call).toString().contains("acknowledged by <@" + ALICE + ">"), WAIT);
        assertFalse(get("/api/incidents/INC-2").path("incident").path("acknowledgedAt").isNull());
    }

    @Test
    @Order(14)
    void buttonsAndFormsAreRefusedToPeopleOutsideOnCall() throws Exception {
        String responseUrl = slack.newResponseUrl();
        requests().blockAction(MALLORY, Interactions.DISABLE + ":gpt-5", "INC-2 model:gpt-5", responseUrl);
        FakeSlack.Response reply = slack.awaitResponse(r -> r.url().equals(responseUrl), WAIT);
        assertTrue(reply.body().path("text").asText().contains("Only on-call"), reply.body().toString());
        assertTrue(modelAvailable("gpt-5"));

        HttpResponse<String> submitted = requests().viewSubmission(MALLORY, Interactions.RESOLVE_MODAL, "INC-2",
                Map.of(Interactions.SUMMARY_INPUT, "done"));
        assertEquals(200, submitted.statusCode(), submitted.body());
        // Permission is checked when the form is carried out, after the acknowledgement: the app's DM says no.
        FakeSlack.Call refusal = slack.awaitCall("chat.postMessage", call -> MALLORY.equals(call.param("channel")),
                WAIT);
        assertTrue(refusal.param("text").contains("Only on-call"), refusal.param("text"));
        assertEquals("investigating", get("/api/incidents/INC-2").path("incident").path("state").asText());
    }

    @Test
    @Order(15)
    void onCallDisablesFromTheButtonAndPostsAnUpdateThroughItsForm() throws Exception {
        requests().blockAction(BOB, Interactions.DISABLE + ":gpt-5", "INC-2 model:gpt-5", slack.newResponseUrl());
        slack.awaitCall("chat.postMessage", call -> call.param("thread_ts") != null
                && call.param("text").contains("disabled GPT-5"), WAIT);
        assertFalse(modelAvailable("gpt-5"));

        requests().blockAction(BOB, Interactions.POST_UPDATE, "INC-2", slack.newResponseUrl());
        slack.awaitCall("views.open", call -> call.param("view").contains(Interactions.UPDATE_MODAL), WAIT);
        requests().viewSubmission(BOB, Interactions.UPDATE_MODAL, "INC-2",
                Map.of(Interactions.UPDATE_INPUT, "OpenAI confirms elevated latency."));
        slack.awaitCall("chat.postMessage", call -> call.param("thread_ts") != null
                && call.param("text").contains("OpenAI confirms elevated latency."), WAIT);
    }

    @Test
    @Order(20)
    void aThousandRandomCommandsNeverGiveAServerErrorOrAStackTrace() throws Exception {
        Random random = new Random(7);
        List<String> words = List.of("disable", "enable", "declare", "route", "consent", "state", "resolve",
                "update", "summary", "audit", "status", "help", "since", "--", "—", "INC-1", "INC-99", "0",
                "claude-opus-4-8", "gpt-5", "anthropic", "meeting-summary", "code-migration", "stop", "auto",
                "approve", "deny", "monitoring", "2h", "&lt;", "<@U0ALICE>", "\"", "%", "漢字", "😀", "\n");
        SlackRequests requests = requests();
        for (int i = 0; i < 1000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(6); j > 0; j--) {
                text.append(random.nextInt(5) == 0 ? Integer.toString(random.nextInt(), 36)
                        : words.get(random.nextInt(words.size()))).append(random.nextBoolean() ? " " : "  ");
            }
            String user = random.nextBoolean() ? MALLORY : ALICE;
            HttpResponse<String> ack = requests.command(user, text.toString(), slack.newResponseUrl());
            assertTrue(ack.statusCode() < 500, () -> ack.statusCode() + " for " + text);
            assertNoStackTrace(ack.body(), text.toString());
        }
        Thread.sleep(1000); // the answers sent after the ack
        for (FakeSlack.Response response : slack.responses()) {
            assertNoStackTrace(response.body().toString(), "a response_url answer");
        }
        assertTrue(slack.calls("auth.test").size() <= 3, "Bolt's auth.test is cached, not called per request");
    }

    private static void assertNoStackTrace(String body, String context) {
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("at dev.detour"),
                () -> "stack trace for " + context + ": " + body);
    }

    @Test
    void theStatusApiSaysSlackDeliveryIsExactlyOnceWhileDetourMayReadChannelHistory() throws Exception {
        JsonNode delivery = get("/api/status").path("slackDelivery");

        assertEquals("exactly-once", delivery.path("guarantee").asText(), delivery.toString());
        assertTrue(delivery.path("detail").asText().contains("history"), delivery.toString());
    }

    private boolean modelAvailable(String model) throws Exception {
        for (JsonNode node : get("/api/status").path("models")) {
            if (node.path("id").asText().equals(model)) {
                return node.path("available").asBoolean();
            }
        }
        throw new AssertionError("no model " + model);
    }

    /** The root message's ts, as its thread replies name it. */
    private String rootTs() {
        return slack.calls("chat.postMessage").stream().filter(call -> call.param("thread_ts") != null)
                .map(call -> call.param("thread_ts")).findFirst().orElseThrow();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
