package dev.detour.incidents.config;

import dev.detour.incidents.catalog.ConfirmPolicy;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.DetectionSettings;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.FailoverMode;
import dev.detour.incidents.catalog.MaintenancePolicy;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.PolicySettings;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.PublicName;
import dev.detour.incidents.catalog.Sink;
import dev.detour.incidents.catalog.SecondApproverPolicy;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetourConfigLoaderTest {
    private static final String VALID = """
            detour:
              providers:
                - id: anthropic
                  name: Anthropic
                  components:
                    "Claude API": [claude-opus-4-8]
                  models:
                    - { id: claude-opus-4-8, name: "Claude Opus 4.8" }
                    - { id: claude-opus-4-7 }
                - id: openai
                  models: [ { id: gpt-5, name: "GPT-5" } ]
              task-classes:
                - { id: meeting-summary, route: [claude-opus-4-8, gpt-5], failover: auto }
                - { id: code-migration, route: [claude-opus-4-7, gpt-5], failover: consent }
              slack:
                incident-channel: C0INCIDENTS
                on-call: [U0ALICE]
            """;

    private final DetourConfigLoader loader = new DetourConfigLoader();

    @Test
    void theShippedExampleModelsTheSeedIncident() {
        DetourConfig config = loader.load(Path.of("../deploy/detour.example.yml"));

        assertEquals(List.of("anthropic", "openai"),
                config.catalog().providers().stream().map(provider -> provider.id().value()).toList());
        assertEquals(List.of("claude-opus-4-8", "claude-opus-4-7", "claude-sonnet-4-6", "gpt-5"),
                config.catalog().models().stream().map(model -> model.id().value()).toList());
        assertEquals(List.of(FailoverMode.AUTO, FailoverMode.CONSENT, FailoverMode.STOP, FailoverMode.AUTO),
                config.catalog().taskClasses().stream().map(TaskClass::failover).toList());
        assertEquals(List.of(ModelId.of("claude-sonnet-4-6"), ModelId.of("gpt-5")), config.catalog()
                .taskClass(TaskClassId.of("support-replies")).orElseThrow().route(),
                "a feature on the healthy model of the seed incident");
        TaskClass consent = config.catalog().taskClass(TaskClassId.of("code-migration")).orElseThrow();
        assertEquals(Duration.ofMinutes(15), consent.consentTimeout());
        assertEquals(ConsentAnswer.DENY, consent.onTimeout());
        assertEquals("Claude Opus 4.8", config.catalog().model(ModelId.of("claude-opus-4-8")).orElseThrow().name());
        assertEquals(3, config.catalog().provider(ProviderId.of("anthropic")).orElseThrow().components()
                .get("Claude API").size());
        assertEquals(List.of(ModelId.of("claude-opus-4-7"), ModelId.of("gpt-5")), consent.route());
        Provider anthropic = config.catalog().provider(ProviderId.of("anthropic")).orElseThrow();
        assertEquals(Optional.of(URI.create("https://status.claude.com")), anthropic.statusPage());
        Provider openai = config.catalog().provider(ProviderId.of("openai")).orElseThrow();
        assertEquals(Optional.of(URI.create("https://status.openai.com")), openai.statusPage(),
                "OpenAI's page, hosted by incident.io");
        assertEquals(List.of(Optional.of("anthropic"), Optional.of("openai")), List.of(anthropic.statusGator(),
                openai.statusGator()), "StatusGator's service slugs");
        assertFalse(anthropic.autoDisable() || anthropic.autoEnable());
        assertEquals(new SlackSettings("C0INCIDENTS", "C0SUPPORT", "C0MANAGERS", List.of("U0ALICE", "S0ONCALL")),
                config.slack());
        assertEquals(DetectionSettings.DEFAULTS, config.detection());
        assertEquals(new PolicySettings(ConfirmPolicy.PROVIDER, SecondApproverPolicy.PROVIDER, Duration.ofMinutes(10)),
                config.policy(), "the example turns the second approver on");
        assertEquals("../deploy/detour.example.yml", config.source());
    }

    @Test
    void missingOptionalKeysTakeTheirDefaults() {
        DetourConfig config = loader.load("detour.yml", VALID);

        assertEquals("C0INCIDENTS", config.slack().supportChannel());
        assertEquals("C0INCIDENTS", config.slack().summaryChannel());
        assertEquals("claude-opus-4-7", config.catalog().model(ModelId.of("claude-opus-4-7")).orElseThrow().name());
        TaskClass consent = config.catalog().taskClass(TaskClassId.of("code-migration")).orElseThrow();
        assertEquals(TaskClass.DEFAULT_CONSENT_TIMEOUT, consent.consentTimeout());
        assertEquals(ConsentAnswer.DENY, consent.onTimeout());
        assertEquals(DetectionSettings.DEFAULTS, config.detection());
        assertEquals(PolicySettings.DEFAULTS, config.policy());
    }

    @Test
    void thePolicyDefaultsAskConfirmForAProviderAndNeedNoSecondApprover() {
        assertEquals(new PolicySettings(ConfirmPolicy.PROVIDER, SecondApproverPolicy.NEVER, Duration.ofMinutes(10)),
                PolicySettings.DEFAULTS);
    }

    @Test
    void policyKeysOverrideOnlyWhatTheyName() {
        DetourConfig config = loader.load("detour.yml", VALID + """
                  policy:
                    confirm: any
                    approval-timeout: 30m
                """);

        assertEquals(new PolicySettings(ConfirmPolicy.ANY, SecondApproverPolicy.NEVER, Duration.ofMinutes(30)),
                config.policy());
        assertEquals(SecondApproverPolicy.PROVIDER, loader.load("detour.yml", VALID + """
                  policy: { second-approver: provider, confirm: never }
                """).policy().secondApprover());
    }

    @Test
    void secondApproverAboveCountsTaskClassesAndIsUnsetByDefault() {
        assertEquals(java.util.OptionalInt.empty(), PolicySettings.DEFAULTS.secondApproverAbove());
        assertEquals(java.util.OptionalInt.of(2), loader.load("detour.yml", VALID + """
                  policy: { second-approver: provider, second-approver-above: 2 }
                """).policy().secondApproverAbove());
    }

    @Test
    void aBadSecondApproverAboveNamesItsLine() {
        ConfigException negative = rejected(VALID + """
                  policy:
                    second-approver: provider
                    second-approver-above: -1
                """);
        assertEquals(20, negative.line());
        assertTrue(negative.problem().contains("second-approver-above must be a number of task classes"),
                negative.getMessage());
        ConfigException words = rejected(VALID + """
                  policy:
                    second-approver: provider
                    second-approver-above: three
                """);
        assertEquals(20, words.line());
        ConfigException withoutRule = rejected(VALID + """
                  policy:
                    second-approver-above: 3
                """);
        assertEquals(19, withoutRule.line());
        assertTrue(withoutRule.problem().contains("needs second-approver: provider"), withoutRule.getMessage());
    }

    @Test
    void anUnknownConfirmPolicyNamesItsLineAndTheNearestWord() {
        ConfigException problem = rejected(VALID + """
                  policy:
                    confirm: provder
                """);

        assertEquals(19, problem.line());
        assertEquals("unknown confirm policy 'provder' for detour.policy.confirm (expected provider, any, never)"
                + " (did you mean 'provider'?)", problem.problem());
    }

    @Test
    void anUnknownSecondApproverPolicyListsTheWordsThatExist() {
        ConfigException problem = rejected(VALID + """
                  policy:
                    second-approver: any
                """);

        assertEquals(19, problem.line());
        assertTrue(problem.problem().startsWith("unknown second-approver policy 'any' for detour.policy.second-approver"
                + " (expected provider, never)"), problem.getMessage());
    }

    @Test
    void aMistypedPolicyKeyIsRefusedWithTheClosestKey() {
        ConfigException problem = rejected(VALID + """
                  policy:
                    second-aprover: provider
                """);

        assertEquals(19, problem.line());
        assertTrue(problem.problem().contains("(did you mean 'second-approver'?)"), problem.getMessage());
    }

    @Test
    void anApprovalTimeoutMustBeAPositiveDuration() {
        ConfigException notADuration = rejected(VALID + """
                  policy:
                    approval-timeout: soon
                """);
        ConfigException zero = rejected(VALID + """
                  policy:
                    approval-timeout: 0s
                """);

        assertEquals(19, notADuration.line());
        assertTrue(notADuration.problem().contains("approval-timeout must be a duration"), notADuration.getMessage());
        assertEquals(19, zero.line());
        assertEquals("detour.policy.approval-timeout must be longer than zero", zero.problem());
    }

    @Test
    void anUnknownModelInARouteNamesFileLineModelAndTheNearestId() {
        ConfigException problem = rejected(VALID.replace("route: [claude-opus-4-7, gpt-5]",
                "route: [claude-opus-4-9, gpt-5]"));

        assertEquals("detour.yml", problem.source());
        assertEquals(14, problem.line());
        assertEquals("detour.yml:14: task class 'code-migration' routes to unknown model 'claude-opus-4-9'"
                + " (did you mean 'claude-opus-4-7'?)", problem.getMessage());
    }

    @Test
    void aDuplicateModelIdAcrossProvidersPointsAtTheSecondAndNamesTheFirst() {
        ConfigException problem = rejected(VALID.replace("{ id: gpt-5, name: \"GPT-5\" }",
                "{ id: claude-opus-4-7 }"));

        assertEquals(11, problem.line());
        assertTrue(problem.problem().contains("duplicate model id 'claude-opus-4-7' (first defined at line 9)"),
                problem.getMessage());
    }

    @Test
    void aDuplicateTaskClassIdIsRefused() {
        ConfigException problem = rejected(VALID.replace("id: code-migration", "id: meeting-summary"));

        assertEquals(14, problem.line());
        assertTrue(problem.problem().startsWith("duplicate task class id 'meeting-summary'"), problem.getMessage());
    }

    @Test
    void aliasesFindTheirModelExactlyOrByTheLongestPrefix() {
        DetourConfig config = loader.load("detour.yml", VALID.replace("{ id: claude-opus-4-8, name: \"Claude Opus 4.8\" }",
                "{ id: claude-opus-4-8, name: \"Claude Opus 4.8\", aliases: [\"claude-opus-4-8-2026*\","
                        + " \"anthropic/claude-opus-4.8\"] }").replace("{ id: claude-opus-4-7 }",
                "{ id: claude-opus-4-7, aliases: [\"claude-opus-4*\"] }"));

        assertEquals(ModelId.of("claude-opus-4-8"),
                config.catalog().modelNamed("claude-opus-4-8-20260514").orElseThrow().id());
        assertEquals(ModelId.of("claude-opus-4-8"),
                config.catalog().modelNamed("anthropic/claude-opus-4.8").orElseThrow().id());
        assertEquals(ModelId.of("claude-opus-4-7"), config.catalog().modelNamed("claude-opus-4-1").orElseThrow().id());
        assertEquals(ModelId.of("gpt-5"), config.catalog().modelNamed("gpt-5").orElseThrow().id());
        assertTrue(config.catalog().modelNamed("gpt-5-mini").isEmpty());
        assertTrue(config.catalog().modelNamed("Claude-Opus-4-8").isEmpty(), "names are compared exactly");
    }

    @Test
    void anAliasClaimedByTwoModelsIsRefusedWithBothLines() {
        ConfigException problem = rejected(VALID.replace("{ id: claude-opus-4-8, name: \"Claude Opus 4.8\" }",
                "{ id: claude-opus-4-8, aliases: [\"claude-opus-latest\"] }").replace("{ id: claude-opus-4-7 }",
                "{ id: claude-opus-4-7, aliases: [\"claude-opus-latest\"] }"));

        assertEquals(9, problem.line());
        assertEquals("alias 'claude-opus-latest' is claimed by model 'claude-opus-4-7' and by model"
                + " 'claude-opus-4-8' (line 8); an alias names one model", problem.problem());
    }

    @Test
    void anAliasThatIsAnotherModelsIdOrHasAStarInsideIsRefused() {
        ConfigException id = rejected(VALID.replace("{ id: claude-opus-4-7 }",
                "{ id: claude-opus-4-7, aliases: [gpt-5] }"));
        assertEquals(9, id.line());
        assertTrue(id.problem().contains("is the id of another model (line 11)"), id.problem());

        ConfigException star = rejected(VALID.replace("{ id: claude-opus-4-7 }",
                "{ id: claude-opus-4-7, aliases: [\"claude-*-4-7\"] }"));
        assertEquals(9, star.line());
        assertTrue(star.problem().contains("may have '*' only at its end"), star.problem());

        ConfigException all = rejected(VALID.replace("{ id: claude-opus-4-7 }",
                "{ id: claude-opus-4-7, aliases: [\"*\"] }"));
        assertTrue(all.problem().contains("would match every name"), all.problem());
    }

    @Test
    void aDuplicateProviderIdIsRefused() {
        ConfigException problem = rejected(VALID.replace("- id: openai", "- id: anthropic"));

        assertEquals(10, problem.line());
        assertTrue(problem.problem().startsWith("duplicate provider id 'anthropic'"), problem.getMessage());
    }

    @Test
    void aStatusGatorSlugNamesOneProvider() {
        DetourConfig config = loader.load("detour.yml", VALID.replace("  name: Anthropic\n",
                "  name: Anthropic\n      statusgator: anthropic\n"));
        assertEquals(Optional.of("anthropic"),
                config.catalog().provider(ProviderId.of("anthropic")).orElseThrow().statusGator());
        assertEquals(Optional.empty(), config.catalog().provider(ProviderId.of("openai")).orElseThrow().statusGator());

        ConfigException twice = rejected(VALID.replace("  name: Anthropic\n",
                "  name: Anthropic\n      statusgator: anthropic\n").replace("- id: openai\n",
                "- id: openai\n      statusgator: anthropic\n"));
        assertEquals(12, twice.line());
        assertEquals("StatusGator slug 'anthropic' of provider 'openai' is already the slug of another provider"
                + " (line 5)", twice.problem());

        ConfigException empty = rejected(VALID.replace("  name: Anthropic\n",
                "  name: Anthropic\n      statusgator: \"\"\n"));
        assertEquals(5, empty.line());
    }

    @Test
    void anUnknownFailoverModeListsTheModesThatExist() {
        ConfigException problem = rejected(VALID.replace("failover: consent", "failover: consnet"));

        assertEquals(14, problem.line());
        assertEquals("unknown failover mode 'consnet' for task class 'code-migration' (expected auto, consent, stop)"
                + " (did you mean 'consent'?)", problem.problem());
    }

    @Test
    void aMissingFailoverModeIsRefused() {
        ConfigException problem = rejected(VALID.replace(", failover: auto", ""));

        assertEquals(13, problem.line());
        assertTrue(problem.problem().contains("needs a failover mode"), problem.getMessage());
    }

    @Test
    void aRouteWithNoModelsIsRefused() {
        ConfigException problem = rejected(VALID.replace("route: [claude-opus-4-8, gpt-5]", "route: []"));

        assertEquals(13, problem.line());
        assertEquals("task class 'meeting-summary' has no models in its route", problem.problem());
    }

    @Test
    void anEmptyOnCallListIsRefused() {
        ConfigException problem = rejected(VALID.replace("on-call: [U0ALICE]", "on-call: []"));

        assertEquals(17, problem.line());
        assertTrue(problem.problem().startsWith("slack.on-call is empty"), problem.getMessage());
    }

    @Test
    void aMissingOnCallListIsRefused() {
        ConfigException problem = rejected(VALID.replace("    on-call: [U0ALICE]\n", ""));

        assertEquals(15, problem.line());
        assertTrue(problem.problem().startsWith("slack.on-call is empty"), problem.getMessage());
    }

    @Test
    void whatCustomersReadIsConfiguredPerTaskClassProviderAndModel() {
        DetourConfig config = loader.load("detour.yml", VALID
                .replace("  name: Anthropic\n", "  name: Anthropic\n      public-name: \"Our main AI vendor\"\n")
                .replace("{ id: claude-opus-4-7 }", "{ id: claude-opus-4-7, public-name: false }")
                .replace("- id: openai\n", "- id: openai\n      public-name: false\n")
                .replace("failover: consent }", "failover: consent, customer-impact: \"Plans take longer.\","
                        + " fallback-note: \"Retry in an hour.\" }"));

        Provider anthropic = config.catalog().provider(ProviderId.of("anthropic")).orElseThrow();
        assertEquals(PublicName.as("Our main AI vendor"), anthropic.publicName());
        assertEquals(PublicName.unnamed(), config.catalog().provider(ProviderId.of("openai")).orElseThrow()
                .publicName());
        assertEquals(PublicName.as("Claude Opus 4.8"), config.catalog().model(ModelId.of("claude-opus-4-8"))
                .orElseThrow().publicName(), "a model without public-name is read by its name");
        assertEquals(PublicName.unnamed(), config.catalog().model(ModelId.of("claude-opus-4-7")).orElseThrow()
                .publicName());
        TaskClass consent = config.catalog().taskClass(TaskClassId.of("code-migration")).orElseThrow();
        assertEquals(Optional.of("Plans take longer."), consent.customerImpact());
        assertEquals(Optional.of("Retry in an hour."), consent.fallbackNote());
        TaskClass auto = config.catalog().taskClass(TaskClassId.of("meeting-summary")).orElseThrow();
        assertEquals(Optional.empty(), auto.customerImpact());
        assertEquals(Optional.empty(), auto.fallbackNote());
    }

    @Test
    void aPublicNameOfTrueSaysToGiveANameOrFalse() {
        ConfigException problem = rejected(VALID.replace("{ id: claude-opus-4-7 }",
                "{ id: claude-opus-4-7, public-name: true }"));

        assertEquals("detour.yml:9: public-name of model 'claude-opus-4-7' is true: give the name customers read,"
                + " in quotes, or false to say 'a backup AI model'", problem.getMessage());
    }

    @Test
    void anEmptyOrNonTextCustomerTextIsRefusedNamingItsKeyAndOwner() {
        assertEquals("detour.yml:11: public-name of provider 'openai' is empty: write what customers read, or leave"
                + " the key out", rejected(VALID.replace("- id: openai\n", "- id: openai\n      public-name: \"\"\n"))
                .getMessage());
        assertEquals("detour.yml:13: customer-impact of task class 'meeting-summary' must be text in quotes, not '42'",
                rejected(VALID.replace("failover: auto }", "failover: auto, customer-impact: 42 }")).getMessage());
        assertEquals("detour.yml:13: fallback-note of task class 'meeting-summary' must be text in quotes, not a list"
                + " or mapping", rejected(VALID.replace("failover: auto }", "failover: auto, fallback-note: [a, b] }"))
                .getMessage());
    }

    @Test
    void aCustomerTextLongerThan500CharactersSaysHowLongItIs() {
        ConfigException problem = rejected(VALID.replace("failover: auto }",
                "failover: auto, fallback-note: \"" + "x".repeat(501) + "\" }"));

        assertEquals("detour.yml:13: fallback-note of task class 'meeting-summary' has 501 characters; at most 500",
                problem.getMessage());
    }

    @Test
    void aMistypedCustomerKeyNamesTheKeyItMeant() {
        assertTrue(rejected(VALID.replace("failover: auto }", "failover: auto, customer-impacts: \"x\" }"))
                .problem().startsWith("unknown key 'customer-impacts' in detour.task-classes[0]"
                        + " (did you mean 'customer-impact'?)"));
        assertTrue(rejected(VALID.replace("{ id: claude-opus-4-7 }", "{ id: claude-opus-4-7, public_name: x }"))
                .problem().startsWith("unknown key 'public_name' in detour.providers[0].models[1]"
                        + " (did you mean 'public-name'?)"));
    }

    @Test
    void aMistypedKeyIsNotSilentlyIgnored() {
        ConfigException problem = rejected(VALID.replace("failover: auto", "failvoer: auto"));

        assertEquals(13, problem.line());
        assertTrue(problem.problem().startsWith("unknown key 'failvoer' in detour.task-classes[0]"
                + " (did you mean 'failover'?)"), problem.getMessage());
    }

    @Test
    void aComponentThatNamesAnotherProvidersModelIsRefused() {
        ConfigException problem = rejected(VALID.replace("\"Claude API\": [claude-opus-4-8]",
                "\"Claude API\": [gpt-5]"));

        assertEquals(6, problem.line());
        assertTrue(problem.problem().contains("names unknown model 'gpt-5'"), problem.getMessage());
    }

    @Test
    void anInvalidIdQuotesTheRule() {
        ConfigException problem = rejected(VALID.replace("- id: openai", "- id: Open AI"));

        assertEquals(10, problem.line());
        assertTrue(problem.problem().contains("provider id must be"), problem.getMessage());
    }

    @Test
    void badDurationsAndThresholdsNameTheirKey() {
        ConfigException duration = rejected(VALID.replace("failover: consent }",
                "failover: consent, consent-timeout: soon }"));
        assertEquals(14, duration.line());
        assertTrue(duration.problem().contains("consent-timeout must be a duration"), duration.getMessage());

        ConfigException thresholds = rejected(VALID + """
                  detection:
                    open-error-rate: 0.05
                    close-error-rate: 0.25
                """);
        assertEquals(18, thresholds.line());
        assertTrue(thresholds.problem().contains("close-error-rate < open-error-rate"), thresholds.getMessage());
    }

    @Test
    void detectionKeysOverrideOnlyWhatTheyName() {
        DetourConfig config = loader.load("detour.yml", VALID + """
                  detection:
                    window: 2m
                    min-requests: 50
                """);

        assertEquals(Duration.ofMinutes(2), config.detection().window());
        assertEquals(50, config.detection().minRequests());
        assertEquals(DetectionSettings.DEFAULTS.openErrorRate(), config.detection().openErrorRate());
    }

    @Test
    void anUnclosedBracketPointsAtTheLineThatOpenedIt() {
        ConfigException problem = rejected(VALID.replace("    on-call: [U0ALICE]", "    on-call: [U0ALICE"));

        assertEquals(17, problem.line());
        assertEquals("not valid YAML: expected ',' or ']', but got <stream end>"
                + " (while parsing a flow sequence that starts at line 17)", problem.problem());
    }

    @Test
    void aTabInTheIndentationNamesItsOwnLine() {
        ConfigException problem = rejected(VALID.replace("    incident-channel", "\tincident-channel"));

        assertEquals(16, problem.line());
        assertTrue(problem.problem().startsWith("not valid YAML: found character '\\t(TAB)'"), problem.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsRefusedRatherThanTheLastOneWinning() {
        ConfigException problem = rejected(VALID.replace("    on-call: [U0ALICE]",
                "    on-call: [U0ALICE]\n    incident-channel: C0OTHER"));

        assertEquals(18, problem.line());
        assertEquals("key 'incident-channel' is given twice in the same mapping (first at line 16)",
                problem.problem());
    }

    @Test
    void anAliasIsRefusedRatherThanReadAsItsAnchorName() {
        ConfigException problem = rejected(VALID
                .replace("route: [claude-opus-4-8, gpt-5]", "route: &usual [claude-opus-4-8, gpt-5]")
                .replace("route: [claude-opus-4-7, gpt-5]", "route: *usual"));

        assertEquals(14, problem.line());
        assertEquals("YAML aliases (*usual) are not supported: write the value out", problem.problem());
    }

    @Test
    void aSecondDocumentIsRefusedRatherThanIgnored() {
        ConfigException problem = rejected(VALID + "---\ndetour: {}\n");

        assertEquals(19, problem.line());
        assertTrue(problem.problem().startsWith("a second YAML document"), problem.getMessage());
    }

    @Test
    void aFileThatIsNotAMappingSaysWhatItMustBe() {
        ConfigException problem = rejected("- detour\n");

        assertEquals("detour.yml:1: the file must be a mapping of keys to values", problem.getMessage());
    }

    @Test
    void anEmptyDetourKeyIsCalledEmptyNotMissing() {
        ConfigException problem = rejected("# nothing yet\ndetour:\n");

        assertEquals("detour.yml:2: the top-level key 'detour' is empty", problem.getMessage());
    }

    @Test
    void aMissingSlackBlockIsRefused() {
        ConfigException problem = rejected(VALID.substring(0, VALID.indexOf("  slack:")));

        assertEquals(1, problem.line());
        assertTrue(problem.problem().startsWith("the 'slack' block is missing"), problem.getMessage());
    }

    @Test
    void aMissingIncidentChannelPointsAtTheSlackBlock() {
        ConfigException problem = rejected(VALID.replace("    incident-channel: C0INCIDENTS\n", ""));

        assertEquals("detour.yml:15: detour.slack.incident-channel is required", problem.getMessage());
    }

    @Test
    void missingIdsPointAtTheEntryThatLacksOne() {
        ConfigException provider = rejected(VALID.replace("- id: openai", "- name: OpenAI"));
        assertEquals("detour.yml:10: detour.providers[1].id is required", provider.getMessage());

        ConfigException model = rejected(VALID.replace("{ id: claude-opus-4-7 }", "{ name: Opus }"));
        assertEquals("detour.yml:9: detour.providers[0].models[1].id is required", model.getMessage());

        ConfigException taskClass = rejected(VALID.replace("{ id: code-migration, ", "{ "));
        assertEquals("detour.yml:14: detour.task-classes[1].id is required", taskClass.getMessage());
    }

    @Test
    void aMissingRouteIsRefusedAtItsTaskClass() {
        ConfigException problem = rejected(VALID.replace("route: [claude-opus-4-7, gpt-5], ", ""));

        assertEquals("detour.yml:14: task class 'code-migration' has no models in its route", problem.getMessage());
    }

    @Test
    void anUnknownOnTimeoutAnswerListsTheAnswersThatExist() {
        ConfigException problem = rejected(VALID.replace("failover: consent", "failover: consent,\n"
                + "      on-timeout: maybe"));

        assertEquals(15, problem.line());
        assertEquals("unknown on-timeout answer 'maybe' for task class 'code-migration' (expected approve, deny)",
                problem.problem());
    }

    @Test
    void aFailoverModeInCapitalsIsRefusedWithTheWordToWrite() {
        ConfigException problem = rejected(VALID.replace("failover: consent", "failover: CONSENT"));

        assertTrue(problem.problem().endsWith("(did you mean 'consent'?)"), problem.getMessage());
    }

    @Test
    void aBadDetectionDurationPointsAtItsKey() {
        ConfigException problem = rejected(VALID + """
                  detection:
                    min-requests: 10
                    window: a minute
                """);

        assertEquals(20, problem.line());
        assertTrue(problem.problem().startsWith("detour.detection.window must be a duration"), problem.getMessage());
    }

    @Test
    void aComponentNameMayHoldASlash() {
        DetourConfig config = loader.load("detour.yml", VALID.replace("\"Claude API\"", "\"API / Console\""));

        assertEquals(Map.of("API / Console", List.of(ModelId.of("claude-opus-4-8"))),
                config.catalog().provider(ProviderId.of("anthropic")).orElseThrow().components());
    }

    @Test
    void anUnknownModelInAComponentNamedWithASlashNamesItsLine() {
        ConfigException problem = rejected(VALID.replace("\"Claude API\": [claude-opus-4-8]",
                "\"API / Console\": [claude-opus-4-8, gtp-5]"));

        assertEquals(6, problem.line());
        assertTrue(problem.problem().contains("names unknown model 'gtp-5'"), problem.getMessage());
    }

    @Test
    void aDirectoryIsNotAConfigFile(@TempDir Path directory) {
        ConfigException problem = assertThrows(ConfigException.class, () -> loader.load(directory));

        assertEquals(directory + ":0: the config file is a directory", problem.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsNamed(@TempDir Path directory) throws Exception {
        Path file = Files.write(directory.resolve("detour.yml"), new byte[] {'d', ':', ' ', (byte) 0xff, '\n'});

        ConfigException problem = assertThrows(ConfigException.class, () -> loader.load(file));

        assertEquals(file + ":0: the config file is not UTF-8 text", problem.getMessage());
    }

    @Test
    void aFileThatDoesNotExistIsNamed(@TempDir Path directory) {
        Path missing = directory.resolve("detour.yml");

        ConfigException problem = assertThrows(ConfigException.class, () -> loader.load(missing));

        assertEquals(missing + ":0: the config file does not exist", problem.getMessage());
    }

    @Test
    void aFileIsReadFromDisk(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("detour.yml"), VALID);

        assertEquals(file.toString(), loader.load(file).source());
    }

    private ConfigException rejected(String yaml) {
        return assertThrows(ConfigException.class, () -> loader.load("detour.yml", yaml));
    }

    private static final String SINKS = VALID + """
              sinks:
                - { name: apps, type: webhook, url: "https://apps.example.com/detour", secret-env: DETOUR_WEBHOOK_SECRET }
                - { name: flagd, type: flagd-file, path: /var/lib/detour/flags.json }
            """;

    @Test
    void pushSinksAreAWebhookWithItsSecretsNameAndAFlagdFile() {
        DetourConfig config = loader.load("detour.yml", SINKS);
        assertEquals(List.of(new Sink.Webhook("apps", java.net.URI.create("https://apps.example.com/detour"),
                        "DETOUR_WEBHOOK_SECRET"),
                new Sink.FlagdFile("flagd", java.nio.file.Path.of("/var/lib/detour/flags.json"))), config.sinks());
        assertEquals(List.of(), loader.load("detour.yml", VALID).sinks());
    }

    @Test
    void aSinkOfAnUnknownTypeOrWithASecretInTheFileIsRefused() {
        ConfigException type = rejected(SINKS.replace("type: flagd-file", "type: flagd-fil"));
        assertEquals(20, type.line());
        assertTrue(type.problem().contains("unknown sink type 'flagd-fil' (did you mean 'flagd-file'?)"),
                type.problem());
        ConfigException secret = rejected(SINKS.replace("secret-env: DETOUR_WEBHOOK_SECRET", "secret-env: hunter2"));
        assertTrue(secret.problem().contains("names an environment variable"), secret.problem());
        ConfigException duplicate = rejected(SINKS.replace("name: flagd", "name: apps"));
        assertTrue(duplicate.problem().contains("duplicate sink id 'apps'"), duplicate.problem());
    }

    @Test
    void aFlagdFileIsReadableByEveryoneUnlessItsModeSaysOtherwise() {
        Sink.FlagdFile byDefault = (Sink.FlagdFile) loader.load("detour.yml", SINKS).sinks().get(1);
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), byDefault.permissions());

        Sink.FlagdFile groupOnly = (Sink.FlagdFile) loader.load("detour.yml",
                SINKS.replace("path: /var/lib/detour/flags.json", "path: /var/lib/detour/flags.json, mode: \"0640\""))
                .sinks().get(1);
        assertEquals(PosixFilePermissions.fromString("rw-r-----"), groupOnly.permissions());
    }

    @Test
    void aFlagdFileModeThatIsNotAQuotedOctalModeIsRefusedWithItsLine() {
        ConfigException unquoted = rejected(SINKS.replace("path: /var/lib/detour/flags.json",
                "path: /var/lib/detour/flags.json, mode: 0644"));
        assertEquals(20, unquoted.line());
        assertTrue(unquoted.problem().contains("must be an octal mode in quotes, like \"0644\""), unquoted.problem());
        ConfigException notOctal = rejected(SINKS.replace("path: /var/lib/detour/flags.json",
                "path: /var/lib/detour/flags.json, mode: \"0986\""));
        assertEquals(20, notOctal.line());
        assertTrue(notOctal.problem().contains("must be an octal file mode like \"0644\" or \"0640\", not '0986'"),
                notOctal.problem());
    }

    @Test
    void maintenanceIsAnnouncedUnlessAProviderSaysPreRoute() {
        DetourConfig config = loader.load("detour.yml", VALID.replace("  name: Anthropic\n",
                "  name: Anthropic\n      maintenance: pre-route\n"));

        assertEquals(MaintenancePolicy.PRE_ROUTE,
                config.catalog().provider(ProviderId.of("anthropic")).orElseThrow().maintenance());
        assertEquals(MaintenancePolicy.ANNOUNCE,
                config.catalog().provider(ProviderId.of("openai")).orElseThrow().maintenance());
    }

    @Test
    void anUnknownMaintenancePolicyIsRefusedWithItsLine() {
        ConfigException problem = rejected(VALID.replace("  name: Anthropic\n",
                "  name: Anthropic\n      maintenance: preroute\n"));

        assertEquals(5, problem.line());
        assertEquals("unknown maintenance policy 'preroute' for provider 'anthropic' (expected announce, pre-route)"
                + " (did you mean 'pre-route'?)", problem.problem());
    }

    private static final String LITELLM = VALID + """
              sinks:
                - name: gateway
                  type: litellm
                  url: http://litellm.internal:4000
                  secret-env: LITELLM_MASTER_KEY
                  models:
                    claude-opus-4-8: [claude-opus-4-8, opus-48-eu]
                    gpt-5: gpt-5-deployment
            """;

    @Test
    void aLiteLlmSinkMapsDetourModelsToLiteLlmDeployments() {
        Sink.LiteLlm sink = (Sink.LiteLlm) loader.load("detour.yml", LITELLM).sinks().get(0);

        assertEquals(java.net.URI.create("http://litellm.internal:4000"), sink.url());
        assertEquals("LITELLM_MASTER_KEY", sink.secretEnv());
        assertEquals(java.util.Map.of(ModelId.of("claude-opus-4-8"), List.of("claude-opus-4-8", "opus-48-eu"),
                ModelId.of("gpt-5"), List.of("gpt-5-deployment")), sink.models());
    }

    @Test
    void aLiteLlmMapNamingAnUnknownModelIsRefusedWithItsLine() {
        ConfigException unknown = rejected(LITELLM.replace("claude-opus-4-8: [", "claude-opus-48: ["));

        assertEquals(24, unknown.line());
        assertTrue(unknown.problem().contains("sink 'gateway' maps unknown model 'claude-opus-48'"
                + " (did you mean 'claude-opus-4-8'?)"), unknown.problem());
    }

    @Test
    void aLiteLlmSinkWithoutModelsOrWithAnEmptyListIsRefused() {
        ConfigException none = rejected(LITELLM.replace("""
                      models:
                        claude-opus-4-8: [claude-opus-4-8, opus-48-eu]
                        gpt-5: gpt-5-deployment
                """, ""));
        assertTrue(none.problem().contains("sink 'gateway' needs models"), none.problem());
        ConfigException empty = rejected(LITELLM.replace("[claude-opus-4-8, opus-48-eu]", "[]"));
        assertEquals(24, empty.line());
        assertTrue(empty.problem().contains("must list at least one LiteLLM model_name"), empty.problem());
    }

    @Test
    void aLiteLlmSinkUnblocksWhenTheRampCompletesUnlessItSaysAtWhichShare() {
        assertEquals(100, ((Sink.LiteLlm) loader.load("detour.yml", LITELLM).sinks().get(0)).unblockAt());

        Sink.LiteLlm half = (Sink.LiteLlm) loader.load("detour.yml", LITELLM.replace(
                "secret-env: LITELLM_MASTER_KEY", "secret-env: LITELLM_MASTER_KEY\n      unblock-at: 50"))
                .sinks().get(0);

        assertEquals(50, half.unblockAt());
        assertTrue(half.unblocksAt(50) && !half.unblocksAt(10));
    }

    @Test
    void aLiteLlmUnblockShareOutsideOneToHundredIsRefusedWithItsLine() {
        for (String wrong : List.of("0", "101", "-5")) {
            ConfigException refused = rejected(LITELLM.replace("secret-env: LITELLM_MASTER_KEY",
                    "secret-env: LITELLM_MASTER_KEY\n      unblock-at: " + wrong));
            assertEquals(23, refused.line(), wrong);
            assertTrue(refused.problem().contains("from 1 to 100, not " + wrong), refused.problem());
        }
        ConfigException words = rejected(LITELLM.replace("secret-env: LITELLM_MASTER_KEY",
                "secret-env: LITELLM_MASTER_KEY\n      unblock-at: half"));
        assertTrue(words.problem().contains("must be a whole number"), words.problem());
    }
}
