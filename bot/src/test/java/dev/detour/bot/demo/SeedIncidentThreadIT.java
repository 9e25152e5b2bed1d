package dev.detour.bot.demo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed incident played through the real pipeline (signals, commands, outbox, dispatcher; console Slack), as
 * the demo plays it: the incident thread gets one reply per decision or signal burst, and speaks of people,
 * policies and signals in words.
 */
class SeedIncidentThreadIT {
    private static final String REPLY = "── #C0INCIDENTS (incident channel) · reply in thread";
    /** Actor tags ({@code policy:failover:auto}, {@code signal:gateway}) and ids in code style. */
    private static final Pattern TAG_OR_ID = Pattern.compile("(user|signal|policy|system):[a-z]|`[a-z0-9-]+`");

    private static String output;
    private static List<String> replies;

    @BeforeAll
    static void playTheSeedIncident() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);
        PrintStream standard = System.out;
        System.setOut(console); // console mode prints Slack's messages there, as the demo shows them
        int status;
        try {
            status = SeedIncidentDemo.run(console);
        } finally {
            System.setOut(standard);
        }
        output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, output);
        replies = replies(output);
    }

    /** Each thread reply's text: the indented lines after its heading. */
    private static List<String> replies(String printed) {
        List<String> found = new ArrayList<>();
        StringBuilder current = null;
        for (String line : printed.lines().toList()) {
            if (line.startsWith(REPLY)) {
                current = new StringBuilder();
                found.add("");
            } else if (current != null && line.startsWith("   ")) {
                current.append(line.strip()).append('\n');
                found.set(found.size() - 1, current.toString());
            } else {
                current = null;
            }
        }
        return found;
    }

    private static long repliesContaining(String text) {
        return replies.stream().filter(reply -> reply.contains(text)).count();
    }

    /** A reply about a ramp's step: started, advanced, or completed (leading the switch-on it brings). */
    private static boolean rampStep(String reply) {
        return reply.contains(" is coming back") || reply.contains(" is back: 100% of traffic");
    }

    /**
     * Each message of the incident channel as it reads at the end: the last version printed of it (posted, then
     * edited any number of times), by its console ts.
     */
    private static Map<String, List<String>> lastVersions(String printed) {
        Pattern heading = Pattern.compile("── #C0INCIDENTS \\(incident channel\\) · (?:new message (\\S+)|reply in thread "
                + "\\S+ (\\S+)|edit of (\\S+))");
        Map<String, List<String>> last = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : printed.lines().toList()) {
            Matcher matcher = heading.matcher(line);
            if (matcher.matches()) {
                String ts = matcher.group(1) != null ? matcher.group(1)
                        : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
                current = new ArrayList<>();
                last.put(ts, current);
            } else if (current != null && line.startsWith("   ")) {
                current.add(line.strip());
            } else {
                current = null;
            }
        }
        return last;
    }

    @Test
    void noMessageInTheIncidentChannelKeepsAButtonOnceTheIncidentIsResolved() {
        Map<String, List<String>> messages = lastVersions(output);
        assertTrue(messages.size() > 10, "the root and its replies: " + messages.keySet());
        messages.forEach((ts, lines) -> assertFalse(lines.stream().anyMatch(line -> line.startsWith("[")),
                ts + " still has buttons:\n" + String.join("\n", lines)));
    }

    @Test
    void supportPostsSayItIsTheProvidersOutageNotAChangeOnOurSide() {
        List<String> posts = output.lines().filter(line -> line.startsWith("── #C0SUPPORT (support channel)")).toList();
        assertTrue(posts.size() >= 3, "support posts: " + posts);
        String lead = "Anthropic, the AI provider behind some of our features, has been returning errors since 07:10"
                + " UTC. This is not a change on our side.";
        long leads = output.lines().filter(line -> line.strip().equals(lead)).count();
        assertTrue(leads >= 3, "the outage lead in every post while users are affected (" + leads + "):\n" + output);
        assertFalse(output.contains("has been slow or failing"), "a paused feature makes it an outage, not slowness");
    }

    @Test
    void theThreadOfTheSeedIncidentHasTenRepliesOrFewerBesidesOneReplyPerRampStep() {
        assertFalse(replies.isEmpty(), "the thread is read from the console: " + output);
        List<String> others = replies.stream().filter(reply -> !rampStep(reply)).toList();
        assertTrue(others.size() <= 10, others.size() + " replies:\n" + String.join("\n", others));
        assertEquals(6, replies.size() - others.size(), "two models, three steps each:\n"
                + String.join("\n", replies));
    }

    @Test
    void recoveryIsARampOfEachModelWithOneReplyPerStepAndTheSwitchOnInTheLastOne() {
        for (String model : List.of("Claude Opus 4.8", "Claude Opus 4.7")) {
            assertEquals(1, repliesContaining(model + " is coming back step by step: 10% of traffic from now"),
                    model + ":\n" + String.join("\n", replies));
            assertEquals(1, repliesContaining(model + " is coming back: 50% of traffic since 12:45 UTC (40 requests,"
                    + " 0% errors in the last 1m)"), model + ":\n" + String.join("\n", replies));
            List<String> back = replies.stream().filter(reply -> reply.contains(model + " is back: 100% of traffic"))
                    .toList();
            assertEquals(1, back.size(), model + ":\n" + String.join("\n", replies));
            assertTrue(back.get(0).contains("Detour (by policy) switched " + model + " back on"), back.get(0));
        }
        assertEquals(2, repliesContaining("Started by <@U0ALICE>"), "Alice's enable started both ramps");
        assertEquals(0, repliesContaining("<@U0ALICE> switched Claude Opus 4.7, Claude Opus 4.8 back on"),
                "her enable switched nothing on at once");
        assertEquals(0, repliesContaining("[Pause ramp]"), "no step keeps a button once the ramp moved on");
    }

    @Test
    void theRootMessageShowsEachRampWithTheEvidenceOfItsLastHoldWhileItRuns() {
        assertTrue(output.contains("• Claude Opus 4.8 — coming back: 10% of traffic since 12:40 UTC, next step"
                + " 12:45 UTC if healthy\n"), output);
        assertTrue(output.contains("• Claude Opus 4.8 — coming back: 50% of traffic since 12:45 UTC, next step"
                + " 12:50 UTC if healthy · last hold: 40 requests, 0% errors, p95 "), output);
        List<String> last = lastVersions(output).values().iterator().next();
        assertFalse(last.stream().anyMatch(line -> line.contains("coming back")), "ended ramps leave the root: "
                + last);
    }

    @Test
    void supportHearsTheFeaturesMoveBackGraduallyAndTheAllClearOnlyAfterEveryRampReached100Percent() {
        int gradually = output.indexOf("• Meeting summaries: moving back to Claude Opus 4.8 gradually.");
        int firstBack = output.indexOf("Claude Opus 4.7 is back: 100% of traffic");
        int allClear = output.indexOf("ALL CLEAR: AI FEATURES ARE BACK TO NORMAL");
        assertTrue(gradually > 0 && gradually < firstBack, output);
        assertTrue(firstBack > 0 && allClear > firstBack, "no all-clear while Claude Opus 4.8 still ramps: " + output);
        assertEquals(allClear, output.lastIndexOf("ALL CLEAR: AI FEATURES ARE BACK TO NORMAL"), "said once");
    }

    @Test
    void theManagerSummaryShowsTheRampsStepsAndHowLongRecoveryTook() {
        String summary = output.substring(output.indexOf("INCIDENT SUMMARY: INC-1"));
        assertTrue(summary.matches("(?s).*• Claude Opus 4\\.[78], Claude Opus 4\\.[78] came back step by step"
                + " \\(10% → 50% → 100%\\): 100% 10m after it was first enabled; rollbacks: 0\n.*"), summary);
    }

    @Test
    void theBurstOfGatewaySignalsIsOneReplyWithAButtonPerModel() {
        assertEquals(1, repliesContaining("Our gateway reports Claude Opus 4.8, Claude Opus 4.7 failing"),
                String.join("\n", replies));
        assertEquals(1, repliesContaining("[Disable Claude Opus 4.8] [Disable Claude Opus 4.7]"),
                String.join("\n", replies));
        assertEquals(1, repliesContaining("Our gateway reports Claude Opus 4.8, Claude Opus 4.7 healthy again"),
                String.join("\n", replies));
    }

    @Test
    void switchingOffTheTwoFailingModelsIsOneReplyWithWhereEachFeatureWentAndTheQuestionAfterIt() {
        List<String> decision = replies.stream()
                .filter(reply -> reply.contains("switched off Claude Opus 4.7, Claude Opus 4.8")).toList();
        assertEquals(1, decision.size(), String.join("\n", replies));
        String reply = decision.get(0);
        assertTrue(reply.contains("*Meeting summaries* → GPT-5"), reply);
        assertTrue(reply.contains("*Code migration plans*: paused, asking on-call"), reply);
        assertTrue(reply.contains("*Contract review*: paused until Claude Opus 4.8 is back"), reply);
        assertFalse(reply.contains("Support reply drafts"), "the feature on healthy Sonnet never moved: " + reply);
        assertFalse(reply.contains("added"), "no 'added ...' beside its switching off: " + reply);
        assertEquals(0, repliesContaining("switched off Anthropic"), "the provider stayed on");
        int question = replies.indexOf(reply) + 1;
        assertTrue(replies.get(question).contains("[Approve: use GPT-5]"), "the question right after the decision");
        assertEquals(1, repliesContaining("[Approve: use GPT-5]"), "asked once");
    }

    @Test
    void thePreviewShowsSonnetHealthyAndTheNarrowerScopeIsChosenWithTheWiderOneAvoided() {
        int preview = output.indexOf("CONFIRM · NOTHING HAS CHANGED YET");
        assertTrue(preview >= 0, output);
        int press = output.indexOf("presses [Disable only the failing models]", preview);
        assertTrue(press > preview, output);
        String shown = output.substring(preview, press);
        assertTrue(shown.contains("Claude Sonnet 4.6: *healthy* · 0.2% errors over 1,240 requests"), shown);
        assertTrue(shown.contains("[Confirm] [Disable only the failing models] [Cancel]"), shown);
        String summary = output.substring(output.indexOf("INCIDENT SUMMARY: INC-1"));
        assertTrue(summary.contains("switching off all of Anthropic was proposed and avoided"), summary);
    }

    @Test
    void acknowledgingAndStateChangesEditTheRootMessageOnly() {
        assertEquals(0, repliesContaining("acknowledged"), String.join("\n", replies));
        assertEquals(0, repliesContaining("-> identified"), String.join("\n", replies));
        assertEquals(0, repliesContaining("-> monitoring"), String.join("\n", replies));
    }

    @Test
    void everyDecisionHasItsOwnReply() {
        for (String decision : List.of("<@U0ALICE> resolved the incident")) {
            assertEquals(1, repliesContaining(decision), decision + " in\n" + String.join("\n", replies));
        }
        assertEquals(2, repliesContaining("<@U0ALICE> posted an update"), String.join("\n", replies));
    }

    @Test
    void theThreadNamesNoActorTagsAndNoIdsOutsideTheQuestionThatSaysWhatToType() {
        for (String reply : replies) {
            if (!reply.contains("/detour consent")) {
                assertFalse(TAG_OR_ID.matcher(reply).find(), reply);
            }
        }
    }

    @Test
    void aTaskClassThatServesNothingIsPausedEverywhere() {
        // Flag values keep their wire word (`route.legal-review: ... → stopped`, docs/flags.md); words never do.
        List<String> said = output.lines().filter(line -> !line.contains("`route.")).toList();
        assertFalse(said.stream().anyMatch(line -> line.contains("stopped")), String.join("\n", said));
    }
}
