package dev.detour.notifications.flags;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.DetectionSettings;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.catalog.Sink;
import dev.detour.incidents.preview.UnblockableDeployment;
import dev.detour.notifications.testing.FakeLiteLlm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The LiteLLM map resolved through the proxy's /model/info, as the five-minute job does. */
class LiteLlmMappingsIT {
    private final FakeLiteLlm proxy = new FakeLiteLlm();
    private final Sink.LiteLlm sink = new Sink.LiteLlm("gateway", proxy.url(), "LITELLM_MASTER_KEY",
            Map.of(ModelId.of("claude-opus-4-8"), List.of("claude-opus-4-8", "opus-48-eu")));
    private final LiteLlmLimits limits = new LiteLlmLimits();
    private final LiteLlmMappings mappings = new LiteLlmMappings(new DetourConfig(SeedCatalog.catalog(),
            new SlackSettings("C0INCIDENTS", "C0SUPPORT", "C0MANAGERS", List.of("U0ALICE")),
            DetectionSettings.DEFAULTS, List.of(sink), "test"), new Secrets() {
                @Override
                public Optional<String> get(String environmentVariable) {
                    return Optional.of(FakeLiteLlm.MASTER_KEY);
                }
            }, new LiteLlmSettings(Duration.ofSeconds(2), Duration.ofMinutes(10)), limits);

    LiteLlmMappingsIT() throws IOException {
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @Test
    void aMappedNameNoDeploymentCarriesIsShownUntilTheProxyHasIt() {
        proxy.deployment("d-1", "claude-opus-4-8");

        mappings.poll();
        assertEquals(List.of("opus-48-eu"), mappings.unresolved("gateway"));

        proxy.deployment("opus-48-eu", "claude-opus-4-8-eu");
        mappings.poll();
        assertEquals(List.of(), mappings.unresolved("gateway"));
    }

    @Test
    void aProxyThatCannotBeReadKeepsTheLastAnswer() {
        proxy.deployment("d-1", "claude-opus-4-8");
        mappings.poll();
        proxy.down();

        assertEquals(Optional.empty(), mappings.resolve(sink));
        assertEquals(List.of("opus-48-eu"), mappings.unresolved("gateway"));
    }

    @Test
    void aMappedDeploymentFromLiteLlmsConfigFileIsKeptForThePreviewUntilItIsStoredInTheDatabase() {
        proxy.deployment("d-1", "claude-opus-4-8").configDeployment("opus-48-eu", "claude-opus-4-8-eu")
                .configDeployment("d-9", "gpt-5");

        mappings.poll();

        assertEquals(List.of(new UnblockableDeployment("gateway", ModelId.of("claude-opus-4-8"), "opus-48-eu",
                UnblockableDeployment.Reason.CONFIG_BASED)), limits.of(List.of(ModelId.of("claude-opus-4-8"))),
                "model_info.db_model false: only mapped deployments");
        assertEquals(List.of(), limits.of(List.of(ModelId.of("gpt-5"))));

        proxy.deployment("opus-48-eu", "claude-opus-4-8-eu"); // stored in LiteLLM's database now (/model/new)
        mappings.poll();

        assertEquals(List.of(), limits.of(List.of(ModelId.of("claude-opus-4-8"))));
    }
}
