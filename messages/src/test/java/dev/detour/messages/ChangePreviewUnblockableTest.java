package dev.detour.messages;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.UnblockableDeployment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A preview lists the deployments a push sink cannot block, so the person blocks them where they live
 * (docs/flags.md, "LiteLLM proxy sink").
 */
class ChangePreviewUnblockableTest {
    private static final ModelId OPUS = ModelId.of("claude-opus-4-8");

    private final Scenario seed = Scenario.seed();

    private Preview withUnblockable() {
        return PreviewCases.disableFirstProvider(seed).withUnblockable(List.of(
                new UnblockableDeployment("gateway", OPUS, "opus-48-eu", UnblockableDeployment.Reason.CONFIG_BASED),
                new UnblockableDeployment("gateway", OPUS, "d-2", UnblockableDeployment.Reason.NOT_ALLOWED)));
    }

    @Test
    void aDeploymentFromLiteLlmsConfigFileIsNamedWithWhereToBlockItInThePreviewAndTheConfirmation() {
        ChangePreviewMessage english = new ChangePreviewMessage(seed.names(), Wording.of("en"));

        String json = SlackJson.of(english.render(withUnblockable())).toString();
        String confirm = SlackJson.of(english.confirmation(withUnblockable(), Optional.empty(), false)).toString();

        for (String text : List.of(json, confirm)) {
            assertTrue(text.contains("What Detour cannot switch off"), text);
            assertTrue(text.contains("LiteLLM (gateway) cannot block `opus-48-eu` (Claude Opus 4.8: defined in"
                    + " LiteLLM's config.yaml) — block it there"), text);
            assertTrue(text.contains("LiteLLM (gateway) refused to block `d-2` (Claude Opus 4.8): its key is not a"
                    + " proxy admin's (HTTP 403)"), text);
        }
    }

    @Test
    void bothCatalogsHaveTheWords() {
        String german = SlackJson.of(new ChangePreviewMessage(seed.names(), Wording.of("de"))
                .render(withUnblockable())).toString();

        assertTrue(german.contains("in LiteLLMs config.yaml definiert"), german);
    }

    @Test
    void aPreviewWithNothingUnblockableSaysNothingOfIt() {
        String json = SlackJson.of(new ChangePreviewMessage(seed.names(), Wording.of("en"))
                .render(PreviewCases.disableFirstProvider(seed))).toString();

        assertFalse(json.contains("cannot switch off"), json);
    }
}
