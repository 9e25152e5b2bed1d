package dev.detour.messages;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.UpdateText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text Detour did not write (titles, reasons, updates, summaries, signals) never becomes live Slack markup in any
 * field Slack is sent, the notification {@code text} as much as the blocks; and text too long for its field is
 * cut before it is escaped, between code points, saying how much was left out.
 */
class OutsideTextTest {
    /** Whatever Slack would read as markup: a mention, a channel, a link. */
    private static final Pattern MARKUP = Pattern.compile("<[^<>]*>");
    /** Detour's own times in Slack's date format ({@link SlackTime}): a number, a format, and a UTC fallback. */
    private static final Pattern SLACK_DATE = Pattern.compile("<!date\\^\\d+\\^\\{[a-z_]+}(?: \\{time})?\\|[0-9: -]+UTC>");
    /** Detour's own mentions of the people who act in the scenario. */
    private static final List<String> DETOUR_WROTE = Scenario.PEOPLE.stream().map(Names::actor).toList();
    /** On-call's own words in the incident thread: the one place a person mention they typed stays live. */
    private static final List<String> ON_CALL_WORDS_IN_THREAD = List.of("reply-update-hostile",
            "reply-resolve-hostile", "reply-availability-change-hostile", "decision-switched-off-hostile",
            "decision-resolved-hostile");
    private static final Instant AT = Instant.parse("2026-06-07T07:30:00Z");

    static Stream<GoldenCase> hostile() {
        return GoldenCases.all().filter(golden -> golden.name().endsWith("-hostile"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void noOutsideTextIsLiveMarkupInAnyFieldOfAnyMessage(GoldenCase golden) {
        List<String> allowed = new ArrayList<>(DETOUR_WROTE);
        if (ON_CALL_WORDS_IN_THREAD.contains(golden.name())) {
            allowed.add("<@U0MALLORY>");
        }
        List<String> live = new ArrayList<>();
        strings(golden.payload().get(), "", live, allowed);
        assertEquals(List.of(), live, golden.name() + " makes outside text live markup");
    }

    @Test
    void aPersonMentionOnCallTypedStaysLiveInTheThreadButNotInTheNotificationOfTheRootOrSupport() {
        assertTrue(payload("reply-update-hostile").contains("<@U0MALLORY>"));
        for (String elsewhere : List.of("root-open-hostile", "manager-summary-hostile",
                "decision-signal-burst-hostile", "question-switch-off-open-hostile",
                "question-consent-open-hostile")) {
            assertFalse(payload(elsewhere).contains("<@U0MALLORY>"), elsewhere);
            assertTrue(payload(elsewhere).contains("&lt;@U0MALLORY&gt;"), elsewhere + " shows it as text");
        }
    }

    @Test
    void customersReadAnUpdatesMentionsAsNamesOrSomeoneAndNeverAnId() {
        String support = payload("support-affected-with-update-hostile");
        assertFalse(support.contains("U0MALLORY"), support);
        assertTrue(support.contains("@channel @here @everyone @oncall someone a channel click (https://evil.example)"),
                support);
        assertTrue(payload("reply-update-hostile").contains("Customers read"), "the thread shows what customers read");
    }

    @Test
    void slacksEncodingTypedAsTextStaysTextAndIsNeverDecodedIntoAMention() {
        String update = payload("reply-update-hostile");
        assertTrue(update.contains("&amp;lt;!channel&amp;gt;"), update);
    }

    @Test
    void anUpdateOf2990LessThanSignsIsCutBeforeEscapingAndSaysHowMuchWasLeftOut() {
        String update = "<".repeat(2990);
        for (String text : updateRenderings(update)) {
            assertTrue(text.length() <= Limits.SECTION_TEXT, text.length() + " characters");
            Matcher note = Pattern.compile("((?:&lt;)+)… \\(cut, (\\d+) characters\\)$").matcher(text);
            assertTrue(note.find(), "ends with the escaped text and the note: " + tail(text));
            int kept = note.group(1).length() / "&lt;".length();
            assertTrue(kept > 600, "keeps as much as fits, " + kept);
            assertEquals(2990 - kept, Integer.parseInt(note.group(2)));
        }
    }

    @Test
    void anUpdateOf1499EmojiIsCutBetweenCodePointsAndSaysHowMuchWasLeftOut() {
        String update = "\uD83D\uDE00".repeat(1499);
        for (String text : updateRenderings(update)) {
            assertTrue(text.length() <= Limits.SECTION_TEXT, text.length() + " characters");
            assertTrue(text.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE), "no half emoji: " + tail(text));
            Matcher note = Pattern.compile("((?:\uD83D\uDE00)+)… \\(cut, (\\d+) characters\\)$").matcher(text);
            assertTrue(note.find(), "ends with whole emoji and the note: " + tail(text));
            int kept = note.group(1).codePointCount(0, note.group(1).length());
            assertEquals(1499 - kept, Integer.parseInt(note.group(2)));
        }
    }

    @Test
    void anUpdateWithTwoLongPartsFitsItsThreadReplyAndCutsEachPartSayingSo() {
        Scenario seed = Scenario.seed();
        String longest = "<".repeat(3000);
        IncidentChange.Applied posted = (IncidentChange.Applied) seed.acknowledged().postUpdate(
                new UpdateText(longest, longest), Scenario.BOB, AT);
        SlackMessage reply = new DecisionReply(seed.names(), Wording.of("en")).render(List.of(new DetourEvent.IncidentChanged(
                AT, Scenario.BOB, posted.incident(), posted.entries()))).get(0);

        String text = section(reply, 0);
        assertTrue(text.length() <= Limits.SECTION_TEXT, text.length() + " characters");
        assertEquals(2, Pattern.compile("… \\(cut, \\d+ characters\\)").matcher(text).results().count(), text);
    }

    /**
     * The update's thread reply (internal only, and for customers only) and its support post, each as
     * notification text and as section text.
     */
    private static List<String> updateRenderings(String update) {
        Scenario seed = Scenario.seed();
        Incident acknowledged = seed.acknowledged();
        List<String> renderings = new ArrayList<>();
        for (UpdateText text : List.of(UpdateText.internalOnly(update), UpdateText.forCustomers(update))) {
            IncidentChange.Applied posted = (IncidentChange.Applied) acknowledged.postUpdate(text, Scenario.BOB, AT);
            SlackMessage reply = new DecisionReply(seed.names(), Wording.of("en")).render(List.of(new DetourEvent.IncidentChanged(
                    AT, Scenario.BOB, posted.incident(), posted.entries()))).get(0);
            renderings.add(reply.text());
            renderings.add(section(reply, 0));
        }
        SlackMessage support = new SupportPost(seed.names(), Wording.of("en")).affected(acknowledged,
                seed.during(), Optional.of(update), AT.plusSeconds(1800));
        renderings.add(section(support, 2));
        return renderings;
    }

    @Test
    void aLongTitleOfLessThanSignsStillFitsTheRootMessage() {
        Incident opened = ((IncidentChange.Applied) Incident.open(new IncidentId(4), IncidentKind.OUTAGE,
                "<".repeat(200), List.of(Target.model(SeedCatalog.OPUS_48)), Actor.user("U0ALICE"), AT)).incident();
        SlackMessage root = new IncidentRootMessage(Scenario.seed().names(), Wording.of("en")).render(opened, Scenario.seed().during());
        assertTrue(root.text().contains("&lt;".repeat(200)), root.text());
        assertFalse(root.text().contains("<<"), root.text());
    }

    private static String section(SlackMessage message, int index) {
        return SlackJson.of(message).getAsJsonArray("blocks").get(index).getAsJsonObject().getAsJsonObject("text")
                .get("text").getAsString();
    }

    private static String payload(String name) {
        return SlackJson.pretty(GoldenCases.all().filter(golden -> golden.name().equals(name)).findFirst()
                .orElseThrow().payload().get());
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 60));
    }

    /**
     * Every string in the JSON, with where it is, so a failure names the field. The text a plain text input is
     * filled with again (the update form's preview) is what the person typed into an editable box: Slack never
     * reads it as markup.
     */
    private static void strings(JsonElement json, String path, List<String> live, List<String> allowed) {
        if (json.isJsonObject()) {
            JsonObject object = json.getAsJsonObject();
            boolean typedBox = object.has("type") && object.get("type").isJsonPrimitive()
                    && object.get("type").getAsString().equals("plain_text_input");
            object.keySet().stream().filter(key -> !(typedBox && key.equals("initial_value")))
                    .forEach(key -> strings(object.get(key), path + "." + key, live, allowed));
        } else if (json.isJsonArray()) {
            for (int i = 0; i < json.getAsJsonArray().size(); i++) {
                strings(json.getAsJsonArray().get(i), path + "[" + i + "]", live, allowed);
            }
        } else if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isString()) {
            Matcher markup = MARKUP.matcher(json.getAsString());
            while (markup.find()) {
                if (!allowed.contains(markup.group()) && !SLACK_DATE.matcher(markup.group()).matches()) {
                    live.add(path + ": " + markup.group());
                }
            }
        }
    }
}
