package dev.detour.messages;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.routing.Availability;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A preview shows the support post its change would make, in the post's own words. */
class ChangePreviewSupportPostTest {
    private final Scenario seed = Scenario.seed();
    private final Wording english = Wording.of("en");

    @Test
    void switchingOffTheSeedProviderPreviewsTheStatusPostsFeatureLines() {
        Preview preview = PreviewCases.disableFirstProvider(seed);

        List<String> lines = new SupportPost(seed.names(), english).previewed(preview);

        assertEquals(List.of("Meeting summaries: running on GPT-5 for now.",
                "Code migration plans: paused — our on-call team is deciding whether to switch it to GPT-5.",
                "Contract review: paused until Claude Opus 4.8 is back."), lines.subList(0, 3));
        String json = SlackJson.of(new ChangePreviewMessage(seed.names(), english).render(preview)).toString();
        assertTrue(json.contains("Support would be told"), json);
        assertTrue(json.contains("> Meeting summaries: running on GPT-5 for now."), json);
        String confirm = SlackJson.of(new ChangePreviewMessage(seed.names(), english)
                .confirmation(preview, Optional.empty(), false)).toString();
        assertTrue(confirm.contains("> Contract review: paused until Claude Opus 4.8 is back."), confirm);
    }

    @Test
    void aChangeThatMovesNoFeatureTellsSupportNothing() {
        Preview preview = PreviewCases.preview(seed, Availability.allAvailable(),
                new dev.detour.incidents.preview.ProposedChange.Disable(List.of(Target.model(
                        dev.detour.incidents.catalog.ModelId.of("gpt-5")))));

        assertEquals(List.of(), new SupportPost(seed.names(), english).previewed(preview));
        String json = SlackJson.of(new ChangePreviewMessage(seed.names(), english).render(preview)).toString();
        assertTrue(!json.contains("Support would be told"), json);
    }
}
