package dev.detour.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.testing.Await;
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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Slack surface end to end: signed requests into {@code /slack/events}, Detour's answers through
 * {@code response_url} and the Web API of a fake Slack served over real HTTP. Each test starts from a
 * {@link CleanSlate} (every model on, no incident open, every earlier post delivered) and opens the incidents it
 * needs itself; it finds them by their own ids, since incident numbers keep counting up across tests.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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
    @Inject
    CleanSlate cleanSlate;
    @Inject
    IncidentService incidents;
    @Inject
    App app;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        slack.addChannel("C0SUPPORT", true);
        slack.addChannel("C0MANAGERS", true);
        slack.addUserGroup("S0ONCALL", BOB);
        Map<String, String> properties = new java.util.HashMap<>(SignedSlack.properties(slack));
        properties.put("detour.slack.burst", "100"); // no pacing: each test waits for the last one's posts
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    @BeforeEach
    void startFromACleanSlate() {
        // The fake Slack keeps its record: Detour caches what it read (user groups, auth.test) across tests.
        cleanSlate.restoreAndAwaitDelivery();
    }

    private SlackRequests requests() {
        return new SlackRequests(server.getURI(), SIGNING_SECRET);
    }

    /** On-call switched both Opus models off with {@code /detour disable}: an outage with its root message. */
    private String opusOutageDeclaredByAlice() throws Exception {
        String responseUrl = slack.newResponseUrl();
        assertEquals(200, requests().command(ALICE, "disable claude-opus-4-7 claude-opus-4-8 -- elevated 529s",
                responseUrl).statusCode());
        slack.awaitResponse(r -> r.url().equals(responseUrl), WAIT);
        String id = theOpenIncident();
        awaitRootMessage(id);
        return id;
    }

    /** A GPT-5 degradation that on-call declared through the form, with its root message. */
    private String gpt5DegradationDeclaredByAlice() throws Exception {
        HttpResponse<String> submitted = requests().declareSubmission(ALICE,
                List.of("model:gpt-5"), "degradation", "GPT-5 answers slowly");
        assertEquals(200, submitted.statusCode());
        assertFalse(submitted.body().contains("errors"), submitted.body());
        String id = Await.await(this::openIncidents, open -> open.size() == 1, WAIT, "the declared incident")
                .path(0).path("id").asText();
        awaitRootMessage(id);
        return id;
    }

    private FakeSlack.Call awaitRootMessage(String id) {
        return slack.awaitCall("chat.postMessage", call -> "C0INCIDENTS".equals(call.param("channel"))
                && call.param("thread_ts") == null && FakeSlack.blocksOf(call).toString().contains(id + " · "), WAIT);
    }

    /** A reply in the thread of {@code id}'s root message whose text contains {@code text}. */
    private FakeSlack.Call awaitThreadReply(String id, String text) {
        String rootTs = rootTs(id);
        return slack.awaitCall("chat.postMessage", call -> rootTs.equals(call.param("thread_ts"))
                && call.param("text").contains(text), WAIT);
    }

    /** Waits for a call made after the first {@code mark} calls of the fake Slack. */
    private FakeSlack.Call awaitCallAfter(int mark, String method, Predicate<FakeSlack.Call> match) {
        return Await.await(() -> slack.calls().stream().skip(mark)
                        .filter(call -> call.method().equals(method) && match.test(call)).findFirst(),
                java.util.Optional::isPresent, WAIT, "a new " + method + " call").orElseThrow();
    }

    @Test
    void onCallDisablesTwoModelsAndTheIncidentAppearsInItsChannel() throws Exception {
        String responseUrl = slack.newResponseUrl();
        // How quickly Slack gets its acknowledgement is measured by bench/commands.sh; that it comes before the
        // slow work is AcknowledgementsFirstTest. Here: the ack is a plain 200 and the answer comes afterwards.
        HttpResponse<String> ack = requests().command(ALICE,
                "disable claude-opus-4-7 claude-opus-4-8 -- elevated 529s", responseUrl);

        assertEquals(200, ack.statusCode());
        FakeSlack.Response reply = slack.awaitResponse(r -> r.url().equals(responseUrl), WAIT);
        assertEquals("ephemeral", reply.body().path("response_type").asText());
        String id = theOpenIncident();
        assertTrue(reply.body().path("text").asText().contains(id), reply.body().toString());

        FakeSlack.Call root = awaitRootMessage(id);
        String rootBlocks = FakeSlack.blocksOf(root).toString();
        assertTrue(rootBlocks.contains(id), rootBlocks);
        assertTrue(rootBlocks.contains("Claude Opus 4.7") && rootBlocks.contains("Claude Opus 4.8"), rootBlocks);
        assertTrue(rootBlocks.contains("Meeting summaries") && rootBlocks.contains("fallback → GPT-5"), rootBlocks);
        assertTrue(rootBlocks.contains("Contract review") && rootBlocks.contains("paused"), rootBlocks);
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

        // The decision (the models switched off, with the routes that moved) is one reply in the root's thread.
        FakeSlack.Call reply1 = awaitThreadReply(id, "switched off");
        assertEquals("C0INCIDENTS", reply1.param("channel"));
    }

    @Test
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
    void aMemberOfTheOnCallUserGroupMayAct() throws Exception {
        String id = opusOutageDeclaredByAlice();
        String responseUrl = slack.newResponseUrl();
        requests().command(BOB, "state " + id + " identified", responseUrl);

        FakeSlack.Response reply = slack.awaitResponse(r -> r.url().equals(responseUrl), WAIT);
        assertTrue(reply.body().path("text").asText().contains("identified"), reply.body().toString());
        assertEquals("identified", get("/api/incidents/" + id).path("incident").path("state").asText());
        slack.awaitCall("usergroups.users.list", call -> "S0ONCALL".equals(call.param("usergroup")), WAIT);
    }

    @Test
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
    void forgedMissingStaleAndFutureSignaturesAreRefusedAndChangeNothing() throws Exception {
        SlackRequests requests = requests();
        String body = SlackRequests.formBody(Map.of("command", "/detour", "text", "disable gpt-5",
                "user_id", ALICE, "channel_id", "C0INCIDENTS", "response_url", slack.newResponseUrl()));
        String form = "application/x-www-form-urlencoded";
        String now = Long.toString(SlackRequests.now());
        // Bolt's own check is off (SlackAppFactory): what it would see is counted from here on.
        AtomicInteger reachedBolt = new AtomicInteger();
        AtomicBoolean counting = new AtomicBoolean(true);
        app.use((request, response, chain) -> {
            if (counting.get()) {
                reachedBolt.incrementAndGet();
            }
            return chain.next(request);
        });

        try {
            List<HttpResponse<String>> refused = List.of(
                    requests.sendSigned(body, form, now, "v0=" + "0".repeat(64), Map.of()),
                    requests.sendSigned(body, form, null, null, Map.of()),
                    requests.sendSigned(body, form, now, null, Map.of()),
                    requests.sendSigned(body, form, "soon", "v0=" + "0".repeat(64), Map.of()),
                    requests.send(body, form, SlackRequests.now() - 6 * 60),
                    requests.send(body, form, SlackRequests.now() + 6 * 60),
                    requests.sendSigned(body + "x", form, now,
                            new com.slack.api.app_backend.SlackSignature.Generator(SIGNING_SECRET).generate(now, body),
                            Map.of()),
                    requests.sendSigned(body, form, now, new com.slack.api.app_backend.SlackSignature.Generator(
                            "another-workspace-secret").generate(now, body), Map.of()));
            for (HttpResponse<String> response : refused) {
                assertEquals(401, response.statusCode(), response.body());
                assertEquals("invalid_signature", json(response.body()).path("error").asText(), response.body());
            }
            assertEquals(0, reachedBolt.get(), "no refused request reached Bolt");
            // The count works: a request signed as Slack signs it does reach Bolt.
            assertEquals(200, requests.command(ALICE, "help", slack.newResponseUrl()).statusCode());
            assertEquals(1, reachedBolt.get());
        } finally {
            counting.set(false);
        }

        Await.holdsFor(Duration.ofMillis(300), () -> modelAvailable("gpt-5"), "no forged request got through");
    }

    @Test
    void aRetriedEventIsAcknowledgedButHandledOnce() throws Exception {
        IncidentChange.Applied opened = (IncidentChange.Applied) incidents.open(IncidentKind.DEGRADATION,
                "slow answers", List.of(Target.model(SeedCatalog.GPT_5)), Actor.user(ALICE));
        int mark = slack.calls().size();

        assertEquals(200, requests().appHomeOpened("Ev0RETRY1", ALICE, Map.of()).statusCode());
        FakeSlack.Call published = awaitCallAfter(mark, "views.publish", call -> ALICE.equals(call.param("user_id")));
        assertEquals(200, requests().appHomeOpened("Ev0RETRY1", ALICE,
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")).statusCode());

        Await.holdsFor(Duration.ofMillis(500), () -> slack.calls().stream().skip(mark)
                .filter(call -> call.method().equals("views.publish")).count() == 1, "one views.publish, not two");
        String home = FakeSlack.blocksOf(published).toString();
        assertTrue(home.contains(opened.incident().id().toString()), "the App Home shows the current status: " + home);
    }

    @Test
    void slackChecksTheEventsUrlWithAChallenge() {
        String body = "{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                + "\"type\":\"url_verification\"}";
        HttpResponse<String> response = requests().send(body, "application/json", SlackRequests.now());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
    }

    @Test
    void pressingResolveWithASummaryResolvesTheIncidentAndEditsTheRootMessage() throws Exception {
        String id = opusOutageDeclaredByAlice();
        HttpResponse<String> press = requests().blockAction(ALICE, Interactions.RESOLVE, id,
                slack.newResponseUrl());
        assertEquals(200, press.statusCode());
        FakeSlack.Call opened = slack.awaitCall("views.open", call -> call.param("view") != null
                && call.param("view").contains(Interactions.RESOLVE_MODAL) && call.param("view").contains(id), WAIT);
        assertTrue(opened.param("view").contains(id), opened.param("view"));

        int editsBefore = slack.calls("chat.update").size();
        HttpResponse<String> submitted = requests().viewSubmission(ALICE, Interactions.RESOLVE_MODAL, id,
                Map.of(Interactions.SUMMARY_INPUT, "Anthropic recovered; fallbacks ended."));
        assertEquals(200, submitted.statusCode());
        assertFalse(submitted.body().contains("errors"), submitted.body());

        Await.await(() -> get("/api/incidents/" + id).path("incident").path("state").asText(), "resolved"::equals,
                WAIT, id + " to be resolved");
        FakeSlack.Call edit = slack.awaitCall("chat.update",
                call -> FakeSlack.blocksOf(call).toString().contains(id + " · resolved"), WAIT);
        assertTrue(slack.calls("chat.update").size() > editsBefore);
        assertEquals(rootTs(id), edit.param("ts"), "the root message is edited in place");
        assertFalse(FakeSlack.blocksOf(edit).toString().contains(Interactions.RESOLVE + "\""),
                "a resolved incident has no buttons");
    }

    @Test
    void declareWithoutArgumentsAndTheShortcutOpenTheDeclareForm() {
        int mark = slack.calls().size();
        HttpResponse<String> ack = requests().command(ALICE, "declare", slack.newResponseUrl());
        assertEquals(200, ack.statusCode());
        awaitCallAfter(mark, "views.open", call -> call.param("view").contains(Interactions.DECLARE_MODAL));
        int opened = slack.calls().size();

        assertEquals(200, requests().globalShortcut(BOB, Interactions.DECLARE_SHORTCUT).statusCode());
        awaitCallAfter(opened, "views.open", call -> call.param("view").contains(Interactions.DECLARE_MODAL)
                && call.param("view").contains("claude-opus-4-8"));
    }

    @Test
    void theDeclareFormOpensAnIncidentWithItsRootMessage() throws Exception {
        String id = gpt5DegradationDeclaredByAlice();

        JsonNode incident = get("/api/incidents/" + id).path("incident");
        assertEquals("degradation", incident.path("kind").asText());
        assertEquals("GPT-5 answers slowly", incident.path("title").asText());
        slack.awaitCall("chat.postMessage", call -> call.param("thread_ts") == null
                && FakeSlack.blocksOf(call).toString().contains(id + " · investigating")
                && FakeSlack.blocksOf(call).toString().contains(" degradation: "), WAIT);
        slack.awaitCall("chat.postMessage", call -> ALICE.equals(call.param("channel"))
                && call.param("text").contains(id), WAIT);
    }

    @Test
    void theDeclareFormRefusesAnEmptyChoiceInPlace() {
        HttpResponse<String> submitted = requests().declareSubmission(ALICE, List.of(), "outage", "");
        assertEquals(200, submitted.statusCode());
        JsonNode answer = json(submitted.body());
        assertEquals("errors", answer.path("response_action").asText(), submitted.body());
        assertTrue(answer.path("errors").has(Interactions.TARGETS_INPUT), submitted.body());
    }

    @Test
    void onCallRetitlesTheIncidentAndSetsItsKindAndTheRootMessageAndThreadFollow() throws Exception {
        String id = gpt5DegradationDeclaredByAlice();
        String titled = slack.newResponseUrl();
        requests().command(ALICE, "title " + id + " GPT-5 slow <!channel>", titled);

        FakeSlack.Response answer = slack.awaitResponse(r -> r.url().equals(titled), WAIT);
        assertTrue(answer.body().path("text").asText().startsWith("Title set *" + id + "*"), answer.body().toString());
        slack.awaitCall("chat.update", call -> FakeSlack.blocksOf(call).toString()
                .contains("GPT-5 slow &lt;!channel&gt;"), WAIT);
        awaitThreadReply(id, "GPT-5 slow &lt;!channel&gt;");

        String kind = slack.newResponseUrl();
        requests().command(ALICE, "kind " + id + " model-change", kind);
        slack.awaitResponse(r -> r.url().equals(kind), WAIT);
        slack.awaitCall("chat.update", call -> FakeSlack.blocksOf(call).toString().contains(" model change: "), WAIT);
        JsonNode incident = get("/api/incidents/" + id).path("incident");
        assertEquals("model-change", incident.path("kind").asText());
        assertTrue(incident.path("kindSet").asBoolean());
        assertEquals("GPT-5 slow <!channel>", incident.path("title").asText());

        String empty = slack.newResponseUrl();
        requests().command(ALICE, "title " + id, empty);
        FakeSlack.Response refused = slack.awaitResponse(r -> r.url().equals(empty), WAIT);
        assertTrue(refused.body().path("text").asText().contains("A title needs some text"), refused.body().toString());
    }

    @Test
    void acknowledgingEditsTheRootMessage() throws Exception {
        String id = gpt5DegradationDeclaredByAlice();
        requests().blockAction(ALICE, Interactions.ACKNOWLEDGE, id, slack.newResponseUrl());

        slack.awaitCall("chat.update", call -> FakeSlack.blocksOf(call).toString().contains(id + " · ")
                && FakeSlack.blocksOf(call).toString().contains("acknowledged by <@" + ALICE + ">"), WAIT);
        assertFalse(get("/api/incidents/" + id).path("incident").path("acknowledgedAt").isNull());
    }

    @Test
    void buttonsAndFormsAreRefusedToPeopleOutsideOnCall() throws Exception {
        String id = gpt5DegradationDeclaredByAlice();
        String responseUrl = slack.newResponseUrl();
        requests().blockAction(MALLORY, Interactions.DISABLE + ":gpt-5", id + " model:gpt-5", responseUrl);
        FakeSlack.Response reply = slack.awaitResponse(r -> r.url().equals(responseUrl), WAIT);
        assertTrue(reply.body().path("text").asText().contains("Only on-call"), reply.body().toString());
        assertTrue(modelAvailable("gpt-5"));

        HttpResponse<String> submitted = requests().viewSubmission(MALLORY, Interactions.RESOLVE_MODAL, id,
                Map.of(Interactions.SUMMARY_INPUT, "done"));
        assertEquals(200, submitted.statusCode(), submitted.body());
        // Permission is checked when the form is carried out, after the acknowledgement: the app's DM says no.
        FakeSlack.Call refusal = slack.awaitCall("chat.postMessage", call -> MALLORY.equals(call.param("channel")),
                WAIT);
        assertTrue(refusal.param("text").contains("Only on-call"), refusal.param("text"));
        assertEquals("investigating", get("/api/incidents/" + id).path("incident").path("state").asText());
    }

    @Test
    void onCallDisablesFromTheButtonAndPostsAnUpdateThroughItsForm() throws Exception {
        String id = gpt5DegradationDeclaredByAlice();
        requests().blockAction(BOB, Interactions.DISABLE + ":gpt-5", id + " model:gpt-5", slack.newResponseUrl());
        awaitThreadReply(id, "switched off GPT-5");
        assertFalse(modelAvailable("gpt-5"));

        requests().blockAction(BOB, Interactions.POST_UPDATE, id, slack.newResponseUrl());
        slack.awaitCall("views.open", call -> call.param("view").contains(Interactions.UPDATE_MODAL)
                && call.param("view").contains(id), WAIT);
        requests().viewSubmission(BOB, Interactions.UPDATE_MODAL, id,
                Map.of(Interactions.UPDATE_INPUT, "OpenAI confirms elevated latency."));
        awaitThreadReply(id, "OpenAI confirms elevated latency.");
    }

    @Test
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
        // The answers sent after the ack keep arriving for a while: none may carry a stack trace.
        Await.holdsFor(Duration.ofSeconds(1), () -> {
            for (FakeSlack.Response response : slack.responses()) {
                assertNoStackTrace(response.body().toString(), "a response_url answer");
            }
            return true;
        }, "no stack trace in a response_url answer");
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

    /** The ts of {@code id}'s root message in the incidents channel. */
    private String rootTs(String id) {
        return slack.history("C0INCIDENTS").stream()
                .filter(message -> !message.has("thread_ts") && message.toString().contains(id + " · "))
                .map(message -> message.path("ts").asText()).findFirst()
                .orElseThrow(() -> new AssertionError("no root message of " + id));
    }

    private JsonNode openIncidents() throws Exception {
        return get("/api/incidents?state=open").path("incidents");
    }

    /** The id of the one open incident, failing when there is none or more than one. */
    private String theOpenIncident() throws Exception {
        JsonNode open = openIncidents();
        assertEquals(1, open.size(), "one open incident: " + open);
        return open.path(0).path("id").asText();
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
