package dev.detour.notifications.testing;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeSlackTest {
    // Realistic length: the Slack client's logging crashes on tokens under 16 characters.
    private static final String TOKEN = "xoxb-1234567890-abcdefghijklmnop";
    private static final String CHANNEL = "C0INCIDENTS";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeSlack fake;
    private Slack slack;
    private MethodsClient methods;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        fake = FakeSlack.start(TOKEN);
        fake.addChannel(CHANNEL, true);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        slack = Slack.getInstance(config);
        methods = slack.methods(TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        fake.close();
    }

    @Test
    void apiUrlIsALoopbackUrlEndingInApi() {
        assertTrue(fake.apiUrl().matches("http://127\\.0\\.0\\.1:\\d+/api/"), fake.apiUrl());
    }

    @Test
    void postMessageGivesIncreasingTimestampsAndIsRecorded() throws Exception {
        ChatPostMessageResponse first = methods.chatPostMessage(r -> r.channel(CHANNEL).text("first"));
        ChatPostMessageResponse second = methods.chatPostMessage(r -> r.channel(CHANNEL).text("second")
                .threadTs(first.getTs()));

        assertTrue(first.isOk(), first.getError());
        assertTrue(second.isOk(), second.getError());
        assertEquals(CHANNEL, first.getChannel());
        assertTrue(first.getTs().matches("\\d{10}\\.\\d{6}"), first.getTs());
        assertTrue(new BigDecimal(second.getTs()).compareTo(new BigDecimal(first.getTs())) > 0,
                first.getTs() + " then " + second.getTs());
        assertEquals("second", second.getMessage().getText());
        assertEquals(first.getTs(), second.getMessage().getThreadTs());

        List<FakeSlack.Call> posts = fake.calls("chat.postMessage");
        assertEquals(List.of("first", "second"), posts.stream().map(FakeSlack::textOf).toList());
        assertEquals(TOKEN, posts.get(0).token());
        assertEquals(200, posts.get(0).httpStatus());
        assertNull(posts.get(0).error());
        assertEquals(first.getTs(), posts.get(1).param("thread_ts"));
        assertEquals(posts, fake.messagesIn(CHANNEL));
    }

    @Test
    void authTestDescribesTheBot() throws Exception {
        AuthTestResponse auth = methods.authTest(r -> r);

        assertTrue(auth.isOk(), auth.getError());
        assertEquals(FakeSlack.TEAM_ID, auth.getTeamId());
        assertEquals(FakeSlack.BOT_USER_ID, auth.getUserId());
        assertEquals(FakeSlack.BOT_ID, auth.getBotId());
        assertEquals(FakeSlack.TEAM_URL, auth.getUrl());
    }

    @Test
    void aWrongTokenIsInvalidAuth() throws Exception {
        ChatPostMessageResponse wrong = slack.methods("xoxb-0987654321-zyxwvutsrqponmlk")
                .chatPostMessage(r -> r.channel(CHANNEL).text("hi"));

        assertFalse(wrong.isOk());
        assertEquals("invalid_auth", wrong.getError());
        assertEquals("invalid_auth", fake.calls("chat.postMessage").get(0).error());
        assertTrue(fake.messagesIn(CHANNEL).isEmpty());
    }

    @Test
    void aMissingTokenIsNotAuthedAndATokenParameterWorksLikeTheHeader() throws Exception {
        // Raw HTTP: the Slack client sends "Bearer null" without a token, which Slack calls invalid_auth.
        HttpResponse<String> missing = postForm("channel=" + CHANNEL + "&text=hi");
        HttpResponse<String> asParameter = postForm("token=" + TOKEN + "&channel=" + CHANNEL + "&text=hi");

        assertEquals(200, missing.statusCode());
        assertEquals("{\"ok\":false,\"error\":\"not_authed\"}", missing.body());
        assertTrue(asParameter.body().contains("\"ok\":true"), asParameter.body());
        List<FakeSlack.Call> posts = fake.calls("chat.postMessage");
        assertNull(posts.get(0).token());
        assertEquals(TOKEN, posts.get(1).token());
        assertFalse(posts.get(1).params().containsKey("token"), "the token is not a message parameter");
    }

    @Test
    void anUnknownChannelIsChannelNotFound() throws Exception {
        ChatPostMessageResponse response = methods.chatPostMessage(r -> r.channel("C0NOWHERE").text("hi"));

        assertEquals("channel_not_found", response.getError());
        assertEquals("channel_not_found", fake.calls("chat.postMessage").get(0).error());
    }

    @Test
    void aChannelWithoutTheBotIsNotInChannelUntilTheBotJoins() throws Exception {
        fake.addChannel("C0OUTSIDE", false);

        assertEquals("not_in_channel",
                methods.chatPostMessage(r -> r.channel("C0OUTSIDE").text("hi")).getError());
        assertTrue(methods.conversationsJoin(r -> r.channel("C0OUTSIDE")).isOk());
        ChatPostMessageResponse after = methods.chatPostMessage(r -> r.channel("C0OUTSIDE").text("hi"));

        assertTrue(after.isOk(), after.getError());
        assertEquals(1, fake.messagesIn("C0OUTSIDE").size());
        assertEquals("channel_not_found", methods.conversationsJoin(r -> r.channel("C0NOWHERE")).getError());
    }

    @Test
    void postingToAUserIdLandsInTheDirectMessageWithThatUser() throws Exception {
        ChatPostMessageResponse dm = methods.chatPostMessage(r -> r.channel("U0ALICE").text("you are on call"));

        assertTrue(dm.isOk(), dm.getError());
        assertEquals("D0ALICE", dm.getChannel());
        assertTrue(methods.chatUpdate(r -> r.channel("D0ALICE").ts(dm.getTs()).text("handed over")).isOk());
    }

    @Test
    void fiftyOneBlocksAreInvalidBlocksButFiftyAreFine() throws Exception {
        ChatPostMessageResponse fifty = methods.chatPostMessage(r -> r.channel(CHANNEL).text("t")
                .blocksAsString(sections(50, "x")));
        ChatPostMessageResponse fiftyOne = methods.chatPostMessage(r -> r.channel(CHANNEL).text("t")
                .blocksAsString(sections(51, "x")));

        assertTrue(fifty.isOk(), fifty.getError());
        assertEquals("invalid_blocks", fiftyOne.getError());
        assertEquals(50, FakeSlack.blocksOf(fake.calls("chat.postMessage").get(0)).size());
        assertEquals("invalid_blocks", fake.calls("chat.postMessage").get(1).error(), "rejected calls are recorded");
    }

    @Test
    void aSectionOver3000CharactersIsInvalidBlocks() throws Exception {
        ChatPostMessageResponse at = methods.chatPostMessage(r -> r.channel(CHANNEL).text("t")
                .blocksAsString(sections(1, "a".repeat(3000))));
        ChatPostMessageResponse over = methods.chatPostMessage(r -> r.channel(CHANNEL).text("t")
                .blocksAsString(sections(1, "a".repeat(3001))));

        assertTrue(at.isOk(), at.getError());
        assertEquals("invalid_blocks", over.getError());
    }

    @Test
    void aHeaderOver150CharactersIsInvalidBlocks() throws Exception {
        ChatPostMessageResponse at = methods.chatPostMessage(r -> r.channel(CHANNEL).text("t")
                .blocksAsString(header("h".repeat(150))));
        ChatPostMessageResponse over = methods.chatPostMessage(r -> r.channel(CHANNEL).text("t")
                .blocksAsString(header("h".repeat(151))));

        assertTrue(at.isOk(), at.getError());
        assertEquals("invalid_blocks", over.getError());
    }

    @Test
    void blocksThatAreNotAJsonArrayAreInvalidBlocks() throws Exception {
        assertEquals("invalid_blocks", methods.chatPostMessage(r -> r.channel(CHANNEL).text("t")
                .blocksAsString("[{\"type\":")).getError());
        assertEquals("invalid_blocks", methods.chatPostMessage(r -> r.channel(CHANNEL).text("t")
                .blocksAsString("{\"type\":\"divider\"}")).getError());
    }

    @Test
    void aMessageNeedsTextOrBlocksAndTextOver40000CharactersIsTooLong() throws Exception {
        assertEquals("no_text", methods.chatPostMessage(r -> r.channel(CHANNEL)).getError());
        assertEquals("msg_too_long",
                methods.chatPostMessage(r -> r.channel(CHANNEL).text("m".repeat(40_001))).getError());
        assertTrue(methods.chatPostMessage(r -> r.channel(CHANNEL).text("m".repeat(40_000))).isOk());
    }

    @Test
    void rateLimitNextMakesTheClientThrowA429WithRetryAfterOnce() throws Exception {
        fake.rateLimitNext("chat.postMessage", 7);

        SlackApiException limited = assertThrows(SlackApiException.class,
                () -> methods.chatPostMessage(r -> r.channel(CHANNEL).text("hi")));

        assertEquals(429, limited.getResponse().code());
        assertEquals("7", limited.getResponse().header("Retry-After"));
        assertEquals("ratelimited", limited.getError().getError());
        assertTrue(methods.chatPostMessage(r -> r.channel(CHANNEL).text("hi")).isOk(), "only the next call");
        FakeSlack.Call recorded = fake.calls("chat.postMessage").get(0);
        assertEquals(429, recorded.httpStatus());
        assertEquals("ratelimited", recorded.error());
    }

    @Test
    void failNextAnswersTheGivenErrorAndFailNextWithStatusAnswersTheGivenStatus() throws Exception {
        fake.failNext("chat.update", "cant_update_message");
        fake.failNextWithStatus("chat.postMessage", 503);

        SlackApiException unavailable = assertThrows(SlackApiException.class,
                () -> methods.chatPostMessage(r -> r.channel(CHANNEL).text("hi")));
        ChatPostMessageResponse posted = methods.chatPostMessage(r -> r.channel(CHANNEL).text("hi"));
        ChatUpdateResponse update = methods.chatUpdate(r -> r.channel(CHANNEL).ts(posted.getTs()).text("edit"));

        assertEquals(503, unavailable.getResponse().code());
        assertTrue(posted.isOk(), posted.getError());
        assertEquals("cant_update_message", update.getError());
        assertTrue(methods.chatUpdate(r -> r.channel(CHANNEL).ts(posted.getTs()).text("edit")).isOk());
    }

    @Test
    void userGroupListsTheConfiguredUsersAndFollowsChanges() throws Exception {
        fake.addUserGroup("S0ONCALL", "U0ALICE", "U0BOB");

        assertEquals(List.of("U0ALICE", "U0BOB"), methods.usergroupsUsersList(r -> r.usergroup("S0ONCALL")).getUsers());
        fake.setUserGroup("S0ONCALL", "U0CAROL");
        assertEquals(List.of("U0CAROL"), methods.usergroupsUsersList(r -> r.usergroup("S0ONCALL")).getUsers());
        assertEquals("no_such_subteam", methods.usergroupsUsersList(r -> r.usergroup("S0NOBODY")).getError());
    }

    @Test
    void updatingATimestampNotPostedInTheChannelIsMessageNotFound() throws Exception {
        fake.addChannel("C0OTHER", true);
        ChatPostMessageResponse posted = methods.chatPostMessage(r -> r.channel(CHANNEL).text("v1"));

        ChatUpdateResponse unknown = methods.chatUpdate(r -> r.channel(CHANNEL).ts("1700000000.000001").text("v2"));
        ChatUpdateResponse elsewhere = methods.chatUpdate(r -> r.channel("C0OTHER").ts(posted.getTs()).text("v2"));
        ChatUpdateResponse updated = methods.chatUpdate(r -> r.channel(CHANNEL).ts(posted.getTs()).text("v2"));

        assertEquals("message_not_found", unknown.getError());
        assertEquals("message_not_found", elsewhere.getError());
        assertTrue(updated.isOk(), updated.getError());
        assertEquals(posted.getTs(), updated.getTs());
        assertEquals("v2", updated.getText());
        assertEquals("channel_not_found",
                methods.chatUpdate(r -> r.channel("C0NOWHERE").ts(posted.getTs()).text("v2")).getError());
    }

    @Test
    void ephemeralMessagesGetAMessageTsAndFollowTheBlockLimits() throws Exception {
        ChatPostEphemeralResponse ephemeral = methods.chatPostEphemeral(r -> r.channel(CHANNEL).user("U0ALICE")
                .text("only you"));

        assertTrue(ephemeral.isOk(), ephemeral.getError());
        assertTrue(ephemeral.getMessageTs().matches("\\d{10}\\.\\d{6}"));
        assertEquals("invalid_blocks", methods.chatPostEphemeral(r -> r.channel(CHANNEL).user("U0ALICE")
                .blocksAsString(sections(51, "x"))).getError());
    }

    @Test
    void viewsNeedATriggerIdAndAllowAHundredBlocks() throws Exception {
        ViewsOpenResponse noTrigger = methods.viewsOpen(r -> r.viewAsString(modal(1)));
        ViewsOpenResponse hundred = methods.viewsOpen(r -> r.triggerId("123.456.abc").viewAsString(modal(100)));
        ViewsOpenResponse tooMany = methods.viewsOpen(r -> r.triggerId("123.456.abc").viewAsString(modal(101)));
        ViewsPublishResponse home = methods.viewsPublish(r -> r.userId("U0ALICE")
                .viewAsString("{\"type\":\"home\",\"blocks\":" + sections(2, "status") + "}"));

        assertEquals("invalid_arguments", noTrigger.getError());
        assertTrue(hundred.isOk(), hundred.getError());
        assertTrue(hundred.getView().getId().startsWith("V"), hundred.getView().getId());
        assertEquals("invalid_arguments", tooMany.getError());
        assertTrue(home.isOk(), home.getError());
        assertNotEquals(hundred.getView().getId(), home.getView().getId());
        assertEquals(100, FakeSlack.blocksOf(fake.calls("views.open").get(1)).size());
        assertTrue(methods.viewsUpdate(r -> r.viewId(hundred.getView().getId()).viewAsString(modal(3))).isOk());
    }

    @Test
    void unknownMethodsAnswer404() {
        SlackApiException unknown = assertThrows(SlackApiException.class,
                () -> methods.usersInfo(r -> r.user("U0ALICE")));

        assertEquals(404, unknown.getResponse().code());
        assertEquals("unknown_method", unknown.getError().getError());
        assertEquals("users.info", fake.calls().get(0).method());
    }

    @Test
    void jsonBodiesWorkLikeFormsAndResponsesAreJson() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fake.apiUrl() + "chat.postMessage"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"channel\":\"" + CHANNEL + "\",\"text\":\"über\",\"blocks\":" + sections(2, "ß") + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"ok\":true"), response.body());
        FakeSlack.Call call = fake.calls("chat.postMessage").get(0);
        assertEquals("über", FakeSlack.textOf(call));
        assertEquals("ß", FakeSlack.blocksOf(call).get(1).path("text").path("text").asText());
    }

    @Test
    void aResponseUrlRecordsJsonPostsUpToFiveTimes() throws Exception {
        String url = fake.newResponseUrl();
        assertTrue(url.startsWith(fake.apiUrl().replace("/api/", "/response/")), url);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            statuses.add(http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"response_type\":\"ephemeral\",\"text\":\"update " + i + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }

        assertEquals(List.of(200, 200, 200, 200, 200, 404), statuses);
        FakeSlack.Response first = fake.awaitResponse(r -> r.body().path("text").asText().equals("update 1"), WAIT);
        assertEquals(url, first.url());
        assertEquals("ephemeral", first.body().path("response_type").asText());
        assertEquals(5, fake.responses().size());
    }

    @Test
    void aPressesResponseUrlReplacesOrDeletesTheMessageItsButtonWasOnOnlyWhenAskedTo() throws Exception {
        String command = fake.newResponseUrl();
        respond(command, "{\"response_type\":\"ephemeral\",\"text\":\"preview\"}");
        FakeSlack.Response preview = fake.awaitResponse(r -> r.text().equals("preview"), WAIT);

        String beside = fake.newResponseUrl(preview);
        respond(beside, "{\"response_type\":\"ephemeral\",\"text\":\"beside\"}");
        String over = fake.newResponseUrl(preview);
        respond(over, "{\"response_type\":\"ephemeral\",\"replace_original\":true,\"text\":\"outcome\"}");

        assertEquals(List.of("outcome", "beside"), fake.ephemeralsOnScreen().stream().map(FakeSlack.Response::text)
                .toList());
        assertEquals(3, fake.responses().size(), "every post is recorded");

        FakeSlack.Response outcome = fake.awaitResponse(r -> r.text().equals("outcome"), WAIT);
        respond(fake.newResponseUrl(outcome), "{\"delete_original\":true}");
        assertEquals(List.of("beside"), fake.ephemeralsOnScreen().stream().map(FakeSlack.Response::text).toList());
    }

    private void respond(String url, String json) throws Exception {
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode());
    }

    @Test
    void awaitCallWaitsForALaterCallAndOtherwiseFailsListingTheCallsSeen() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<ChatPostMessageResponse> posting = background.submit(() -> {
                Thread.sleep(200);
                return methods.chatPostMessage(r -> r.channel(CHANNEL).text("late"));
            });
            FakeSlack.Call late = fake.awaitCall("chat.postMessage", c -> "late".equals(FakeSlack.textOf(c)), WAIT);
            assertEquals(CHANNEL, late.param("channel"));
            assertTrue(posting.get().isOk());
        } finally {
            background.shutdownNow();
        }

        AssertionError missing = assertThrows(AssertionError.class,
                () -> fake.awaitCall("chat.postMessage", c -> "never".equals(FakeSlack.textOf(c)),
                        Duration.ofMillis(100)));
        assertTrue(missing.getMessage().contains("late"), missing.getMessage());

        fake.clear();
        assertTrue(fake.calls().isEmpty());
    }

    @Test
    void concurrentPostsGetUniqueTimestampsInTheOrderTheyAreRecorded() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> posts = IntStream.range(0, 80)
                    .mapToObj(i -> (Callable<String>) () ->
                            methods.chatPostMessage(r -> r.channel(CHANNEL).text("n" + i)).getTs())
                    .toList();
            List<String> timestamps = new ArrayList<>();
            for (Future<String> future : pool.invokeAll(posts)) {
                timestamps.add(future.get());
            }

            assertEquals(80, new HashSet<>(timestamps).size());
            List<String> sorted = new ArrayList<>(timestamps);
            Collections.sort(sorted);
            List<String> recordedTexts = fake.messagesIn(CHANNEL).stream().map(FakeSlack::textOf).toList();
            List<String> textsByTs = sorted.stream()
                    .map(ts -> "n" + timestamps.indexOf(ts))
                    .collect(Collectors.toList());
            assertEquals(textsByTs, recordedTexts);
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> postForm(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fake.apiUrl() + "chat.postMessage"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sections(int count, String text) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"" + text + "\"}}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String header(String text) {
        return "[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + text + "\"}}]";
    }

    private static String modal(int blocks) {
        return "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"Declare incident\"},\"blocks\":"
                + sections(blocks, "field") + "}";
    }

    // ------------------------------------------------------------------------------ metadata and history

    private static com.slack.api.model.Message.Metadata mark(String row) {
        return new com.slack.api.model.Message.Metadata("detour_outbox", java.util.Map.of("row", row));
    }

    @Test
    void aPostsMetadataComesBackInHistoryOnlyWhenAllMetadataIsAskedFor() throws Exception {
        ChatPostMessageResponse posted = methods.chatPostMessage(r -> r.channel(CHANNEL).text("marked")
                .metadata(mark("42")));

        var withMetadata = methods.conversationsHistory(r -> r.channel(CHANNEL).includeAllMetadata(true));
        var without = methods.conversationsHistory(r -> r.channel(CHANNEL));

        assertTrue(withMetadata.isOk(), withMetadata.getError());
        assertEquals(posted.getTs(), withMetadata.getMessages().get(0).getTs());
        assertEquals("detour_outbox", withMetadata.getMessages().get(0).getMetadata().getEventType());
        assertEquals("42", withMetadata.getMessages().get(0).getMetadata().getEventPayload().get("row"));
        assertNull(without.getMessages().get(0).getMetadata());
    }

    @Test
    void metadataWithoutAnEventTypeIsRefusedAsSlackDoes() throws Exception {
        ChatPostMessageResponse refused = methods.chatPostMessage(r -> r.channel(CHANNEL).text("x")
                .metadataAsString("{\"event_payload\":{}}"));

        assertEquals("invalid_metadata_format", refused.getError());
    }

    @Test
    void historyListsTopLevelMessagesNewestFirstAfterOldestInPagesWithACursor() throws Exception {
        ChatPostMessageResponse first = methods.chatPostMessage(r -> r.channel(CHANNEL).text("one"));
        methods.chatPostMessage(r -> r.channel(CHANNEL).text("reply").threadTs(first.getTs()));
        for (String text : List.of("two", "three", "four")) {
            methods.chatPostMessage(r -> r.channel(CHANNEL).text(text));
        }

        var page1 = methods.conversationsHistory(r -> r.channel(CHANNEL).oldest(first.getTs()).limit(2));
        var page2 = methods.conversationsHistory(r -> r.channel(CHANNEL).oldest(first.getTs()).limit(2)
                .cursor(page1.getResponseMetadata().getNextCursor()));

        assertEquals(List.of("four", "three"), page1.getMessages().stream().map(m -> m.getText()).toList());
        assertTrue(page1.isHasMore());
        assertEquals(List.of("two"), page2.getMessages().stream().map(m -> m.getText()).toList());
        assertFalse(page2.isHasMore());
        assertEquals("", page2.getResponseMetadata().getNextCursor());
    }

    @Test
    void repliesListTheParentAndItsRepliesWithTheirMetadata() throws Exception {
        ChatPostMessageResponse parent = methods.chatPostMessage(r -> r.channel(CHANNEL).text("root"));
        methods.chatPostMessage(r -> r.channel(CHANNEL).text("in thread").threadTs(parent.getTs()).metadata(mark("7")));

        var replies = methods.conversationsReplies(r -> r.channel(CHANNEL).ts(parent.getTs())
                .includeAllMetadata(true));
        var unknown = methods.conversationsReplies(r -> r.channel(CHANNEL).ts("1.000001"));

        assertEquals(List.of("root", "in thread"), replies.getMessages().stream().map(m -> m.getText()).toList());
        assertEquals("7", replies.getMessages().get(1).getMetadata().getEventPayload().get("row"));
        assertEquals("thread_not_found", unknown.getError());
    }

    @Test
    void withoutTheHistoryScopeSlackSaysWhichScopeIsMissing() throws Exception {
        fake.revokeScope("channels:history");
        fake.addPrivateChannel("C0PRIVATE", true);

        var publicChannel = methods.conversationsHistory(r -> r.channel(CHANNEL));
        var privateChannel = methods.conversationsHistory(r -> r.channel("C0PRIVATE"));

        assertEquals("missing_scope", publicChannel.getError());
        assertEquals("channels:history", publicChannel.getNeeded());
        assertTrue(publicChannel.getProvided().contains("chat:write"), publicChannel.getProvided());
        assertTrue(privateChannel.isOk(), "groups:history is still granted");
    }

    @Test
    void aSlowChatPostsAtOnceAndAnswersLate() throws Exception {
        fake.slowChat(Duration.ofMillis(1500));
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        config.setHttpClientCallTimeoutMillis(500);
        try (Slack impatient = Slack.getInstance(config)) {
            assertThrows(java.io.IOException.class, () -> impatient.methods(TOKEN)
                    .chatPostMessage(r -> r.channel(CHANNEL).text("late")));
        }

        assertEquals(List.of("late"), fake.history(CHANNEL).stream().map(m -> m.path("text").asText()).toList());
        assertTrue(methods.conversationsHistory(r -> r.channel(CHANNEL)).isOk(), "only chat.* is slow");
    }

    @Test
    void aChatThatClosesTheConnectionPostsButNeverAnswers() throws Exception {
        fake.closeChat();

        assertThrows(java.io.IOException.class, () -> methods.chatPostMessage(r -> r.channel(CHANNEL).text("lost")));

        // The SDK's default HTTP client sends the request again on a closed connection: each call posted once.
        assertEquals(fake.calls("chat.postMessage").size(), fake.history(CHANNEL).size());
        assertTrue(fake.history(CHANNEL).stream().allMatch(m -> m.path("text").asText().equals("lost")));
    }

    @Test
    void aFailingChatAnswers500AndPostsNothing() throws Exception {
        fake.failChat();

        SlackApiException refused = assertThrows(SlackApiException.class,
                () -> methods.chatPostMessage(r -> r.channel(CHANNEL).text("no")));

        assertEquals(500, refused.getResponse().code());
        assertTrue(fake.history(CHANNEL).isEmpty());
        fake.clearFaults();
        assertTrue(methods.chatPostMessage(r -> r.channel(CHANNEL).text("yes")).isOk());
    }
}
