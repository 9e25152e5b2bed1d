package dev.detour.messages;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.routing.Availability;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two-person rule's words beyond a whole provider (docs/routing.md, "Two-person rule"): the Confirm-first line
 * for a switch-off held for its number of task classes, and a policy's switch-off told with its preview.
 */
class SecondApproverAndPolicyPreviewTest {
    private final Scenario seed = Scenario.seed();
    private final Wording english = Wording.of("en");

    private Preview disableOpus48() {
        return PreviewCases.preview(seed, Availability.allAvailable(),
                new ProposedChange.Disable(List.of(Target.model(ModelId.of("claude-opus-4-8")))));
    }

    @Test
    void aSwitchOffHeldForItsTaskClassesSaysSoAndNotThatItIsAWholeProvider() {
        String json = SlackJson.of(new ChangePreviewMessage(seed.names(), english)
                .confirmation(disableOpus48(), Optional.empty(), false, true)).toString();
        assertTrue(json.contains("A switch-off that moves or pauses 2 task classes needs a second on-call member"),
                json);
        assertFalse(json.contains("whole provider"), json);
    }

    @Test
    void aPolicysSwitchOffIsToldInItsOneReplyWithTheModelsAndFlagsOfItsPreview() {
        Actor policy = Actor.signal("gateway");
        Optional<IncidentId> incident = Optional.of(new IncidentId(1));
        List<SlackMessage> replies = new DecisionReply(seed.names(), english).render(List.of(
                new DetourEvent.AvailabilityChanged(Instant.EPOCH, policy, Target.model(ModelId.of("claude-opus-4-8")),
                        false, Optional.empty(), incident),
                new DetourEvent.PolicyPreviewed(Instant.EPOCH, policy, disableOpus48(), incident)));

        String text = replies.get(0).text();
        assertTrue(replies.size() == 1, replies.toString());
        assertTrue(text.contains("Detour (by policy) switched off Claude Opus 4.8"), text);
        assertTrue(text.contains("*Models switched off*\n• Claude Opus 4.8:"), text);
        assertTrue(text.contains("*Flags changed*\n• `model.claude-opus-4-8.enabled`: true → false"), text);
    }

    @Test
    void aPolicysSwitchOffNamesTheDeploymentsAGatewayCannotBlock() {
        Actor policy = Actor.signal("gateway");
        Optional<IncidentId> incident = Optional.of(new IncidentId(1));
        List<SlackMessage> replies = new DecisionReply(seed.names(), english).render(List.of(
                new DetourEvent.AvailabilityChanged(Instant.EPOCH, policy, Target.model(ModelId.of("claude-opus-4-8")),
                        false, Optional.empty(), incident),
                new DetourEvent.PolicyPreviewed(Instant.EPOCH, policy, disableOpus48().withUnblockable(List.of(
                        new dev.detour.incidents.preview.UnblockableDeployment("gateway",
                                ModelId.of("claude-opus-4-8"), "opus-48-eu",
                                dev.detour.incidents.preview.UnblockableDeployment.Reason.CONFIG_BASED))), incident)));

        String text = replies.get(0).text();
        assertTrue(text.contains("*What Detour cannot switch off*\n• LiteLLM (gateway) cannot block `opus-48-eu`"
                + " (Claude Opus 4.8: defined in LiteLLM's config.yaml) — block it there"), text);
    }
}
