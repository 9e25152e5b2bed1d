package dev.detour.incidents.flags;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.readmodel.DetourStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPENAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FlagsChangedTest {
    private static final Instant NOW = Instant.parse("2026-06-07T07:12:03Z");

    @Test
    void onlyFlagsWhoseValueChangedCountNotThoseWhoseMetadataAloneMoved() {
        FlagSet before = flags(Optional.empty(), true);
        FlagSet after = flags(Optional.of(NOW), false); // the provider's "since" moved; the model went off

        FlagsChanged changed = new FlagsChanged(before, after);

        assertNotEquals(before.get("provider.openai.enabled"), after.get("provider.openai.enabled"));
        assertEquals(List.of("model.gpt-5.enabled"), changed.valueChanges().stream().map(Flag::key).toList());
    }

    @Test
    void nothingChangesBetweenTwoReadingsOfTheSameState() {
        assertEquals(List.of(), new FlagsChanged(flags(Optional.empty(), true), flags(Optional.empty(), true))
                .valueChanges());
    }

    @Test
    void aFlagsKindIsTheFirstWordOfItsKey() {
        assertEquals("provider", new Flag("provider.openai.enabled", true, "on", Map.of()).kind());
        assertEquals("model", new Flag("model.gpt-5.enabled", false, "off", Map.of()).kind());
        assertEquals("route", new Flag("route.legal-review", "stopped", "stopped", Map.of()).kind());
    }

    /** OpenAI (always on, switched at {@code providerSince}) and GPT-5, on or off; no task classes. */
    private static FlagSet flags(Optional<Instant> providerSince, boolean modelOn) {
        DetourStatus status = new DetourStatus(NOW,
                List.of(new DetourStatus.ProviderStatus(OPENAI, "OpenAI", true, providerSince)),
                List.of(new DetourStatus.ModelStatus(GPT_5, OPENAI, "GPT-5", modelOn, modelOn, Optional.empty())),
                List.of(), List.of());
        return FlagSet.of(status, SeedCatalog.catalog());
    }
}
