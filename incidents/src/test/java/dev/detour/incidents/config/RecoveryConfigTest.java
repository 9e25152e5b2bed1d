package dev.detour.incidents.config;

import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.RecoveryMode;
import dev.detour.incidents.catalog.RecoveryPolicy;
import dev.detour.incidents.catalog.Target;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code recovery} keys of providers and models (docs/recovery.md). */
class RecoveryConfigTest {
    private static final String CONFIG = """
            detour:
              providers:
                - id: anthropic
                  PROVIDER_POLICY
                  models:
                    - { id: claude-opus-4-8, name: "Claude Opus 4.8"MODEL_POLICY }
                    - { id: claude-opus-4-7 }
                - id: openai
                  models: [ { id: gpt-5 } ]
              task-classes:
                - { id: meeting-summary, route: [claude-opus-4-8, gpt-5], failover: auto }
              slack:
                incident-channel: C0INCIDENTS
                on-call: [U0ALICE]
            """;

    private final DetourConfigLoader loader = new DetourConfigLoader();

    private DetourConfig load(String providerRecovery, String modelRecovery) {
        return loader.load("detour.yml", CONFIG.replace("MODEL_POLICY", modelRecovery.isEmpty() ? ""
                : ", " + modelRecovery).replace("PROVIDER_POLICY", providerRecovery));
    }

    private ConfigException rejected(String providerRecovery) {
        return assertThrows(ConfigException.class, () -> load(providerRecovery, ""));
    }

    @Test
    void withoutRecoveryKeysEveryTargetComesBackAtOnceAsToday() {
        DetourConfig config = load("name: Anthropic", "");

        for (Target target : List.of(Target.provider(ProviderId.of("openai")), Target.model(ModelId.of("gpt-5")),
                Target.model(ModelId.of("claude-opus-4-8")))) {
            assertEquals(RecoveryPolicy.AT_ONCE, config.catalog().recoveryOf(target), target.toString());
        }
    }

    @Test
    void aStagedProviderGivesItsModelsItsStepsUnlessAModelOverridesIt() {
        DetourConfig config = load("recovery: { mode: staged, steps: [10, 25, 100], hold: 2m, min-requests: 50 }",
                "recovery: { mode: at-once }");

        RecoveryPolicy staged = new RecoveryPolicy(RecoveryMode.STAGED, List.of(10, 25, 100), Duration.ofMinutes(2),
                50);
        assertEquals(staged, config.catalog().recoveryOf(Target.provider(ProviderId.of("anthropic"))));
        assertEquals(staged, config.catalog().recoveryOf(Target.model(ModelId.of("claude-opus-4-7"))));
        assertEquals(new RecoveryPolicy(RecoveryMode.AT_ONCE, List.of(10, 25, 100), Duration.ofMinutes(2), 50),
                config.catalog().recoveryOf(Target.model(ModelId.of("claude-opus-4-8"))));
    }

    @Test
    void aStagedPolicyWithoutStepsTakesTheDefaultSteps() {
        DetourConfig config = load("recovery: { mode: staged }", "");

        RecoveryPolicy policy = config.catalog().recoveryOf(Target.model(ModelId.of("claude-opus-4-7")));
        assertEquals(List.of(10, 50, 100), policy.steps());
        assertEquals(Duration.ofMinutes(5), policy.hold());
        assertEquals(20, policy.minRequests());
    }

    @Test
    void stepsThatDoNotIncreaseAreRefusedAtTheirLine() {
        ConfigException problem = rejected("""
                recovery:
                        mode: staged
                        steps:
                          - 10
                          - 10
                          - 100""");

        assertEquals(8, problem.line(), problem.getMessage());
        assertEquals("recovery steps of provider 'anthropic' must increase: 10 follows 10", problem.problem());
    }

    @Test
    void stepsThatDoNotEndAt100AreRefused() {
        ConfigException problem = rejected("recovery: { mode: staged, steps: [10, 50] }");

        assertEquals(4, problem.line());
        assertEquals("recovery steps of provider 'anthropic' must end at 100, not 50", problem.problem());
    }

    @Test
    void aStepOutside1To100IsRefused() {
        assertEquals("recovery steps of provider 'anthropic' are percentages from 1 to 100, not 0",
                rejected("recovery: { steps: [0, 100] }").problem());
        assertEquals("recovery steps of provider 'anthropic' are percentages from 1 to 100, not 150",
                rejected("recovery: { steps: [50, 150] }").problem());
    }

    @Test
    void aHoldUnderTenSecondsIsRefused() {
        ConfigException problem = rejected("recovery: { mode: staged, hold: 5s }");

        assertEquals(4, problem.line());
        assertTrue(problem.problem().startsWith("recovery hold of provider 'anthropic' must be at least 10s"),
                problem.problem());
    }

    @Test
    void anUnknownModeAndAnUnknownKeyAreRefusedWithTheNearestWord() {
        assertTrue(rejected("recovery: { mode: stagged }").problem()
                .contains("(expected at-once, staged) (did you mean 'staged'?)"), "mode");
        assertTrue(rejected("recovery: { mode: staged, hodl: 5m }").problem()
                .contains("did you mean 'hold'?"), "key");
    }

    @Test
    void theShippedExampleRampsAnthropicAndOpenAiBack() {
        DetourConfig config = loader.load(Path.of("../deploy/detour.example.yml"));

        RecoveryPolicy staged = config.catalog().recoveryOf(Target.provider(ProviderId.of("anthropic")));
        assertTrue(staged.staged(), "the seed incident's provider comes back through a ramp");
        assertEquals(List.of(10, 50, 100), staged.steps());
        assertEquals(Duration.ofMinutes(5), staged.hold());
        assertEquals(20, staged.minRequests());
        assertTrue(config.catalog().recoveryOf(Target.model(ModelId.of("claude-opus-4-8"))).staged(),
                "its models take the provider's policy");
        assertTrue(config.catalog().recoveryOf(Target.provider(ProviderId.of("openai"))).staged());
    }
}
