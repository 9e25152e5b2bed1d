package dev.detour.bot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.messages.Interactions;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Markup people type (a declared title, an update by command and by form) reaches Slack as text in every
 * {@code chat.postMessage} and {@code chat.update}, in the notification {@code text} as in the blocks; only a person
 * mention on-call typed stays live, in the incident's thread.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutsideTextInSlackIT implements TestPropertyProvider {
    private static final String ALICE = SignedSlack.ALICE;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern MARKUP = Pattern.compile("<[^<>]*>");
    /** Detour's own times: Slack's date token, so each reader sees their own zone (docs/slack.md, "Times"). */
    private static final Pattern SLACK_DATE = Pattern.compile("<!date\\^\\d+\\^\\{[a-z_]+}(?: \\{time})?\\|[0-9: -]+UTC>");

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        slack.addChannel("C0SUPPORT", true);
        slack.addChannel("C0MANAGERS", true);
        slack.addUserGroup("S0ONCALL", "U0BOB");
        return SignedSlack.properties(slack);
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    @Test
    void markupPeopleTypeNeverReachesSlackLive() {
        SlackRequests requests = new SlackRequests(server.getURI(), SignedSlack.SIGNING_SECRET);
        HttpResponse<String> declared = requests.declareSubmission(ALICE, List.of("model:gpt-5"), "outage",
                "GPT-5 fails <!channel> <https://evil.example|click>");
        assertEquals(200, declared.statusCode(), declared.body());
        slack.awaitCall("chat.postMessage", call -> call.param("thread_ts") == null
                && "C0INCIDENTS".equals(call.param("channel")), WAIT);

        requests.blockAction(ALICE, Interactions.ACKNOWLEDGE, "INC-1", slack.newResponseUrl());
        slack.awaitCall("chat.update", call -> call.param("text").contains("acknowledged")
                || FakeSlack.blocksOf(call).toString().contains("acknowledged"), WAIT);

        // As Slack sends a command typed as "<!here> <@U0MALLORY> &lt;b&gt;": its own encoding of & < >.
        requests.command(ALICE, "update INC-1 &lt;!here&gt; &lt;@U0MALLORY&gt; &amp;lt;b&amp;gt;",
                slack.newResponseUrl());
        requests.viewSubmission(ALICE, Interactions.UPDATE_MODAL, "INC-1",
                Map.of(Interactions.UPDATE_INPUT, "<!everyone> <!subteam^S0ONCALL|@oncall> by form"));
        slack.awaitCall("chat.postMessage", call -> "C0SUPPORT".equals(call.param("channel"))
                && call.param("text").contains("by form"), WAIT);
        FakeSlack.Call threadUpdate = slack.awaitCall("chat.postMessage", call -> call.param("thread_ts") != null
                && call.param("text").contains("&amp;lt;b&amp;gt;"), WAIT);

        List<String> live = new ArrayList<>();
        for (FakeSlack.Call call : slack.calls()) {
            if (!call.method().equals("chat.postMessage") && !call.method().equals("chat.update")) {
                continue;
            }
            boolean thread = call.param("thread_ts") != null && "C0INCIDENTS".equals(call.param("channel"));
            for (String field : List.of(call.param("text"), FakeSlack.blocksOf(call).toString())) {
                Matcher markup = MARKUP.matcher(field);
                while (markup.find()) {
                    String found = markup.group();
                    if (!found.equals("<@" + ALICE + ">") && !(thread && found.equals("<@U0MALLORY>"))
                            && !SLACK_DATE.matcher(found).matches()) {
                        live.add(call.method() + " to " + call.param("channel") + ": " + found);
                    }
                }
            }
        }
        assertEquals(List.of(), live, "markup from what people typed, live in Slack");
        assertTrue(threadUpdate.param("text").contains("&lt;!here&gt; <@U0MALLORY>"), threadUpdate.param("text"));
    }

    @Test
    void aMistypedCommandIsQuotedBackAsText() throws Exception {
        SlackRequests requests = new SlackRequests(server.getURI(), SignedSlack.SIGNING_SECRET);
        // Answered at once, in the acknowledgement.
        String answer = new ObjectMapper().readTree(requests.command(ALICE,
                "&lt;!channel&gt; &lt;https://evil.example|click&gt;", slack.newResponseUrl()).body()).toString();

        assertTrue(answer.contains("&lt;!channel&gt;"), answer);
        assertEquals(List.of(), MARKUP.matcher(answer).results().map(found -> found.group()).toList(), answer);
    }
}
