package dev.detour.incidents.config;

import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.DetectionSettings;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.FailoverMode;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(List.of(FailoverMode.AUTO, FailoverMode.CONSENT, FailoverMode.STOP),
                config.catalog().taskClasses().stream().map(TaskClass::failover).toList());
        TaskClass consent = config.catalog().taskClass(TaskClassId.of("code-migration")).orElseThrow();
        assertEquals(Duration.ofMinutes(15), consent.consentTimeout());
        assertEquals(ConsentAnswer.DENY, consent.onTimeout());
        assertEquals("Claude Opus 4.8", config.catalog().model(ModelId.of("claude-opus-4-8")).orElseThrow().name());
        assertEquals(3, config.catalog().provider(ProviderId.of("anthropic")).orElseThrow().components()
                .get("Claude API").size());
        assertEquals(List.of("U0ALICE", "S0ONCALL"), config.slack().onCall());
        assertEquals(DetectionSettings.DEFAULTS, config.detection());
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
    void aDuplicateProviderIdIsRefused() {
        ConfigException problem = rejected(VALID.replace("- id: openai", "- id: anthropic"));

        assertEquals(10, problem.line());
        assertTrue(problem.problem().startsWith("duplicate provider id 'anthropic'"), problem.getMessage());
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
    void aYamlSyntaxErrorNamesItsLine() {
        ConfigException problem = rejected(VALID.replace("    on-call: [U0ALICE]", "    on-call: [U0ALICE"));

        assertTrue(problem.line() >= 17, problem.getMessage());
        assertTrue(problem.problem().startsWith("not valid YAML"), problem.getMessage());
    }

    @Test
    void aMissingSlackBlockIsRefused() {
        ConfigException problem = rejected(VALID.substring(0, VALID.indexOf("  slack:")));

        assertTrue(problem.problem().startsWith("the 'slack' block is missing"), problem.getMessage());
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
}
