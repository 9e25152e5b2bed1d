package dev.detour.commands;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentState;
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
    void consentAnswers() {
        assertEquals(new DetourCommand.Consent(SeedCatalog.CODE_MIGRATION, ConsentAnswer.APPROVE),
                parser.parse("consent code-migration approve"));
    }

    @Test
    void anUpdateKeepsItsTextAsTyped() {
        var update = assertInstanceOf(DetourCommand.Update.class,
                parser.parse("update INC-3 Fallback to GPT-5 works, latency -- fine"));
        assertEquals(new IncidentId(3), update.incident());
        assertEquals("Fallback to GPT-5 works, latency -- fine", update.text());
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
