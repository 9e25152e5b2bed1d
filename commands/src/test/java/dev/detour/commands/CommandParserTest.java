package dev.detour.commands;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.TextLimits;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.routing.RouteOverride;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.MEETING_SUMMARY;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandParserTest {
    private final CommandParser parser = new CommandParser(SeedCatalog.catalog(), CommandHandlerTest.ENGLISH);

    @Test
    void disableTakesModelsAndAReasonAfterTwoDashes() {
        var disable = assertInstanceOf(DetourCommand.Disable.class,
                parser.parse("disable claude-opus-4-7 claude-opus-4-8 -- elevated 529s"));
        assertEquals(List.of(Target.model(OPUS_47), Target.model(OPUS_48)), disable.targets());
        assertEquals(Optional.of("elevated 529s"), disable.reason());
    }

    @Test
    void slackAutocorrectedDashesAndCommasAndCapitalsAreUnderstood() {
        var disable = assertInstanceOf(DetourCommand.Disable.class,
                parser.parse("  DISABLE  Anthropic,claude-opus-4-8 — provider down "));
        assertEquals(List.of(Target.provider(ANTHROPIC), Target.model(OPUS_48)), disable.targets());
        assertEquals(Optional.of("provider down"), disable.reason());
    }

    @Test
    void emptyTextIsHelp() {
        assertInstanceOf(DetourCommand.Help.class, parser.parse("   "));
    }

    @Test
    void declareWithoutTargetsAsksForTheForm() {
        var declare = assertInstanceOf(DetourCommand.Declare.class, parser.parse("declare"));
        assertTrue(declare.targets().isEmpty());
    }

    @Test
    void routeOverridesAndReleases() {
        assertEquals(new DetourCommand.Route(MEETING_SUMMARY, Optional.of(new RouteOverride.Pin(GPT_5))),
                parser.parse("route meeting-summary gpt-5"));
        assertEquals(new DetourCommand.Route(MEETING_SUMMARY, Optional.of(new RouteOverride.Stop())),
                parser.parse("route meeting-summary stop"));
        assertEquals(new DetourCommand.Route(MEETING_SUMMARY, Optional.empty()),
                parser.parse("route meeting-summary auto"));
    }

    @Test
    void dryRunAfterDisableOrEnableIsThePreviewOfThatChange() {
        assertEquals(new DetourCommand.DryRun(new ProposedChange.Disable(List.of(Target.provider(ANTHROPIC)))),
                parser.parse("disable anthropic --dry-run -- elevated 529s"));
        assertEquals(new DetourCommand.DryRun(new ProposedChange.Disable(List.of(Target.model(OPUS_48)))),
                parser.parse("disable —dry-run claude-opus-4-8"), "a dash Slack retyped");
        assertEquals(new DetourCommand.DryRun(new ProposedChange.Enable(List.of(Target.model(GPT_5)))),
                parser.parse("enable gpt-5 --DRY-RUN"));
    }

    @Test
    void dryRunAfterRoutePreviewsThePinTheStopOrTheRelease() {
        assertEquals(new DetourCommand.DryRun(new ProposedChange.Reroute(MEETING_SUMMARY,
                Optional.of(new RouteOverride.Pin(GPT_5)))), parser.parse("route meeting-summary gpt-5 --dry-run"));
        assertEquals(new DetourCommand.DryRun(new ProposedChange.Reroute(MEETING_SUMMARY,
                Optional.of(new RouteOverride.Stop()))), parser.parse("route --dry-run meeting-summary stop"));
        assertEquals(new DetourCommand.DryRun(new ProposedChange.Reroute(MEETING_SUMMARY, Optional.empty())),
                parser.parse("route meeting-summary auto --dry-run"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"disable nope", "disable", "enable claude-opus-4-9", "route no-such-class stop",
            "route meeting-summary gpt-6", "route meeting-summary"})
    void aDryRunOfAMistakeIsTheSameMistakeAsTheChangeItself(String typed) {
        DetourCommand change = parser.parse(typed);

        assertInstanceOf(DetourCommand.Invalid.class, change);
        assertEquals(change, parser.parse(typed + " --dry-run"));
    }

    @Test
    void dryRunIsNoFlagOfCommandsThatHaveNoPreview() {
        assertInstanceOf(DetourCommand.Invalid.class, parser.parse("status --dry-run"));
        assertInstanceOf(DetourCommand.Invalid.class, parser.parse("consent code-migration approve --dry-run"));
    }

    @Test
    void consentAnswers() {
        assertEquals(new DetourCommand.Consent(SeedCatalog.CODE_MIGRATION, ConsentAnswer.APPROVE),
                parser.parse("consent code-migration approve"));
    }

    @Test
    void anUpdateKeepsItsTextAsTypedAndStaysInTheThread() {
        var update = assertInstanceOf(DetourCommand.Update.class,
                parser.parse("update INC-3 Fallback to GPT-5 works, latency -- fine"));
        assertEquals(new IncidentId(3), update.incident());
        assertEquals(UpdateText.internalOnly("Fallback to GPT-5 works, latency -- fine"), update.text());
    }

    @Test
    void anUpdateAfterTwoDashesIsForTheThreadOnly() {
        assertEquals(new DetourCommand.Update(new IncidentId(3), UpdateText.internalOnly("<@U0BOB> checks the 529s")),
                parser.parse("update INC-3 -- <@U0BOB> checks the 529s"));
        assertEquals(new DetourCommand.Update(new IncidentId(3), UpdateText.internalOnly("Slack made a dash")),
                parser.parse("update INC-3 — Slack made a dash"));
    }

    @Test
    void anUpdateAfterDashDashPublicIsForCustomers() {
        assertEquals(new DetourCommand.Update(new IncidentId(3),
                        UpdateText.forCustomers("Contract review is paused -- we are on it.")),
                parser.parse("update INC-3 --public Contract review is paused -- we are on it."));
        assertEquals(new DetourCommand.Update(new IncidentId(3), UpdateText.forCustomers("Paused for now")),
                parser.parse("update INC-3 —PUBLIC Paused for now"));
    }

    @Test
    void anUpdateMayHaveBothPartsTheThreadsFirst() {
        assertEquals(new DetourCommand.Update(new IncidentId(3),
                        new UpdateText("Opus still 529s, <@U0BOB> watches", "Contract review is paused.")),
                parser.parse("update INC-3 -- Opus still 529s, <@U0BOB> watches --public Contract review is paused."));
        assertEquals(new DetourCommand.Update(new IncidentId(3), new UpdateText("Opus 529s", "Paused.")),
                parser.parse("update INC-3 Opus 529s --public Paused."));
    }

    @Test
    void theCustomersPartIsStoredAsCustomersReadItWithNothingLive() {
        var update = assertInstanceOf(DetourCommand.Update.class, parser.parse("update INC-3 --public"
                + " <@U0BOB|bob> and <@U0ALICE> are on it <!channel> <https://evil.example|our docs>"));
        assertEquals("@bob and someone are on it @channel our docs (https://evil.example)",
                update.text().customer());
    }

    @Test
    void anUpdateWithoutTextOrWithAnEmptyPublicPartIsRefused() {
        assertEquals("An update needs text after the incident id.",
                assertInstanceOf(DetourCommand.Invalid.class, parser.parse("update INC-3 --")).problem());
        assertEquals("Write the text for customers after `--public`.",
                assertInstanceOf(DetourCommand.Invalid.class, parser.parse("update INC-3 -- on it --public ")).problem());
        assertTrue(assertInstanceOf(DetourCommand.Invalid.class, parser.parse("update INC-3 --public "
                + "x".repeat(TextLimits.TEXT + 1))).problem().contains(String.valueOf(TextLimits.TEXT + 1)));
    }

    @Test
    void stateResolveSummaryAndAuditTakeIncidentIds() {
        assertEquals(new DetourCommand.ChangeState(new IncidentId(2), IncidentState.MONITORING),
                parser.parse("state inc-2 monitoring"));
        assertEquals(new DetourCommand.Resolve(new IncidentId(2), Optional.of("all good")),
                parser.parse("resolve INC-2 -- all good"));
        assertEquals(new DetourCommand.Summary(new IncidentId(7)), parser.parse("summary 7"));
        var audit = assertInstanceOf(DetourCommand.Audit.class, parser.parse("audit claude-opus-4-8 since 2h"));
        assertEquals(Optional.of("model:claude-opus-4-8"), audit.query().subject());
        assertEquals(Optional.of(Duration.ofHours(2)), audit.since());
        var byTaskClass = assertInstanceOf(DetourCommand.Audit.class, parser.parse("audit legal-review"));
        assertEquals(Optional.of("task-class:legal-review"), byTaskClass.query().subject());
    }

    @Test
    void aTitleKeepsItsTextAsTypedAndAKindIsOneOfTheKinds() {
        assertEquals(new DetourCommand.Retitle(new IncidentId(3), "Anthropic: Opus 4.8 -- slow, not down"),
                parser.parse("title INC-3 Anthropic: Opus 4.8 -- slow, not down"));
        assertEquals(new DetourCommand.Retitle(new IncidentId(3), "Opus slow"), parser.parse("title INC-3 -- Opus slow"));
        assertEquals(new DetourCommand.Retitle(new IncidentId(3), ""), parser.parse("title INC-3"),
                "an empty title reaches the incident, which refuses it");
        assertEquals(new DetourCommand.SetKind(new IncidentId(2), dev.detour.incidents.incident.IncidentKind.MODEL_CHANGE),
                parser.parse("kind inc-2 Model-Change"));
    }

    @Test
    void anAuditSinceLongerThanADurationHoldsReadsAsFarBackAsRecordsGo() {
        var huge = assertInstanceOf(DetourCommand.Audit.class, parser.parse("audit since 99999999999d"));
        var iso = assertInstanceOf(DetourCommand.Audit.class, parser.parse("audit since PT2562047788015215H"));

        assertTrue(huge.since().orElseThrow().toDays() >= 36_500, huge.toString());
        assertEquals(Optional.of(Duration.parse("PT2562047788015215H")), iso.since());
    }

    @Test
    void statusWithAnIncidentAsksForItsCatchUpAndWithoutForTodaysStatus() {
        assertEquals(new DetourCommand.Status(Optional.of(new IncidentId(4))), parser.parse("status INC-4"));
        assertEquals(new DetourCommand.Status(Optional.of(new IncidentId(4))), parser.parse("status 4"));
        assertEquals(new DetourCommand.Status(), parser.parse("status"));
    }

    @Test
    void auditLeavesReceiptsOutUnlessAllIsSaidAndStartsOnPageOne() {
        var plain = assertInstanceOf(DetourCommand.Audit.class, parser.parse("audit INC-3"));
        var all = assertInstanceOf(DetourCommand.Audit.class, parser.parse("audit INC-3 all"));

        assertFalse(plain.all());
        assertEquals(1, plain.page());
        assertTrue(all.all());
    }

    @Test
    void auditTakesFilterSinceAllAndPageInAnyOrder() {
        var audit = assertInstanceOf(DetourCommand.Audit.class, parser.parse("audit page 3 all since 2h inc-3"));

        assertEquals(Optional.of(new IncidentId(3)), audit.query().incident());
        assertEquals(Optional.of(Duration.ofHours(2)), audit.since());
        assertTrue(audit.all());
        assertEquals(3, audit.page());
        assertEquals("/detour audit INC-3 since 2h all page 4", audit.pageCommand(4));
    }

    @Test
    void theNextPagesCommandRepeatsTheFilterAsTyped() {
        var audit = assertInstanceOf(DetourCommand.Audit.class, parser.parse("audit Claude-Opus-4-8 since 90m"));

        assertEquals("/detour audit claude-opus-4-8 since 90m page 2", audit.pageCommand(2));
        assertEquals(new DetourCommand.Audit(AuditQuery.everything(), Optional.empty()).pageCommand(2),
                "/detour audit page 2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "audit page|`page` needs a page number",
            "audit page 0|`page` needs a page number after it, from 1 to 10000",
            "audit page two|`page` needs a page number",
            "audit page 10001|from 1 to 10000",
            "audit since|`since` needs one duration",
            "audit since 2h since 3h|`since` needs one duration",
            "status INC-1 INC-2|`status` takes nothing, or one incident",
            "status -- why|`status` takes nothing, or one incident",
            "status soon|`soon` is not an incident id",
    })
    void auditPagesAndStatusCatchUpsExplainTheirMistakes(String text, String explanation) {
        var invalid = assertInstanceOf(DetourCommand.Invalid.class, parser.parse(text));
        assertTrue(invalid.problem().contains(explanation), invalid::problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "staus|`staus` is not a Detour command (did you mean `status`?)",
            "disable claude-opus-4-9|There is no provider or model `claude-opus-4-9` (did you mean `claude-opus-4-7` or `claude-opus-4-8`?)",
            "resolve|Say which incident",
            "disable|Say which providers or models to disable",
            "route meeting-sumary gpt-5|There is no task class `meeting-sumary` (did you mean `meeting-summary`?)",
            "route meeting-summary gpt-6|`gpt-6` is not `stop`, `auto` or a model (did you mean `gpt-5`?)",
            "consent code-migration aprove|(did you mean `approve`?)",
            "state INC-1 fixed|`fixed` is not a state",
            "title|Say which incident to name, then the title.",
            "title opus slow|`opus` is not an incident id",
            "kind INC-1 down|`down` is not a kind",
            "kind INC-1 degradaton|(did you mean `degradation`?)",
            "kind INC-1|`kind` needs an incident id and a kind",
            "update INC-1|An update needs text",
            "summary INC-x|`INC-x` is not an incident id",
            "audit since forever|`forever` is not a duration",
            "help me|`help` takes no arguments",
    })
    void mistakesGetAnExplanationAndTheUsage(String text, String explanation) {
        var invalid = assertInstanceOf(DetourCommand.Invalid.class, parser.parse(text));
        assertTrue(invalid.problem().contains(explanation), () -> invalid.problem());
        assertTrue(invalid.usage().startsWith("/detour "), invalid::usage);
    }

    @Test
    void anUnknownVerbShowsEveryUsage() {
        var invalid = assertInstanceOf(DetourCommand.Invalid.class, parser.parse("reboot everything"));
        assertEquals(Verb.values().length, invalid.usage().lines().count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"update INC-1 ", "resolve INC-1 INC-2", "route", "audit INC-1 gpt-5"})
    void incompleteOrOverfullCommandsAreInvalid(String text) {
        assertInstanceOf(DetourCommand.Invalid.class, parser.parse(text));
    }

    @Test
    void overlongReasonsAreRefusedWithTheirLength() {
        var invalid = assertInstanceOf(DetourCommand.Invalid.class,
                parser.parse("disable gpt-5 -- " + "x".repeat(3001)));
        assertTrue(invalid.problem().contains("3001 characters"), invalid::problem);
    }

    @Test
    void randomTextNeverThrows() {
        Random random = new Random(42);
        String alphabet = "abcdeINC-0123456789 -—,<>&;\"'\\\n\t\u0000é漢😀";
        List<String> words = List.of("disable", "enable", "route", "consent", "state", "resolve", "update",
                "audit", "since", "--", "INC-1", "claude-opus-4-8", "anthropic", "meeting-summary", "stop");
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                if (random.nextBoolean()) {
                    text.append(words.get(random.nextInt(words.size()))).append(' ');
                } else {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            DetourCommand command = parser.parse(text.toString());
            assertTrue(command.verb().isPresent() || command instanceof DetourCommand.Invalid, text::toString);
        }
    }
}
