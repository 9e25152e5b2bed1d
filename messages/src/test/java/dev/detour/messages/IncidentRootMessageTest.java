package dev.detour.messages;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncidentRootMessageTest {
    private final Scenario seed = Scenario.seed();

    @Test
    void manySignalSourcesEndWithHowManyWereLeftOut() {
        List<TimelineEntry> signals = IntStream.range(0, 200).mapToObj(i -> new TimelineEntry(Scenario.OPENED,
                Actor.signal("s" + i), new TimelineDetail.AsWritten(TimelineEntry.Type.SIGNAL, "s" + i + " reports")))
                .toList();
        SlackMessage root = new IncidentRootMessage(seed.names(), Wording.of("en")).render(seed.acknowledged(), seed.during(), signals);

        String section = SlackJson.of(root).getAsJsonArray("blocks").get(4).getAsJsonObject()
                .getAsJsonObject("text").get("text").getAsString();
        assertTrue(section.startsWith("*Signals seen*\ns0 ×1"), section);
        assertTrue(section.matches("(?s).* · …and \\d+ more"), section);
        assertTrue(section.length() <= Limits.SECTION_TEXT, section.length() + " characters");
    }

    private final IncidentRootMessage root = new IncidentRootMessage(seed.names(), Wording.of("en"));

    /** The seed incident widened to Anthropic, which on-call switched off; its models stay switched on. */
    private Incident anthropicSwitchedOff() {
        return ((IncidentChange.Applied) seed.acknowledged().affect(List.of(Target.provider(SeedCatalog.ANTHROPIC)),
                Scenario.ALICE, Scenario.DISABLED)).incident();
    }

    private DetourStatus anthropicOff() {
        DetourStatus during = seed.during();
        return new DetourStatus(during.at(), during.providers().stream().map(p -> new DetourStatus.ProviderStatus(
                p.id(), p.name(), !p.id().equals(SeedCatalog.ANTHROPIC), Optional.of(Scenario.DISABLED))).toList(),
                seed.failing().models(), during.taskClasses(), during.openIncidents());
    }

    private List<TimelineEntry> switchedOffByAlice() {
        List<TimelineEntry> timeline = new ArrayList<>(seed.signals());
        timeline.add(new TimelineEntry(Scenario.DISABLED, Scenario.ALICE, new TimelineDetail.AvailabilityChanged(
                Target.provider(SeedCatalog.ANTHROPIC), false, Optional.empty())));
        return timeline;
    }

    private List<String> buttons(SlackMessage message) {
        List<String> texts = new ArrayList<>();
        SlackJson.of(message).getAsJsonArray("blocks").forEach(block -> {
            if (block.getAsJsonObject().get("type").getAsString().equals("actions")) {
                block.getAsJsonObject().getAsJsonArray("elements").forEach(element -> {
                    if (element.getAsJsonObject().has("text")) {
                        texts.add(element.getAsJsonObject().getAsJsonObject("text").get("text").getAsString());
                    }
                });
            }
        });
        return texts;
    }

    @Test
    void aModelWhoseProviderIsOffIsOffBecauseOfItAndOnlyTheProviderCanBeSwitchedBackOn() {
        SlackMessage message = root.render(anthropicSwitchedOff(), anthropicOff(), switchedOffByAlice());
        String json = SlackJson.of(message).toString();

        assertTrue(json.contains("Anthropic (`anthropic`) — *off* since <!date^1780816440^{time}|07:14 UTC>, switched"
                + " off by <@U0ALICE>"), json);
        assertTrue(json.contains("Claude Opus 4.8 (`claude-opus-4-8`) — *off* because Anthropic is off"), json);
        assertEquals(List.of("Enable Anthropic", "Post update", "Resolve"), buttons(message),
                "no Disable for a model whose provider is off, no Enable for a model that is on, no Acknowledge"
                        + " once acknowledged");
        assertTrue(message.text().startsWith("Anthropic outage: 3 features affected · Anthropic switched off: Claude"
                + " Opus 4.8 and 4.7 failing (INC-1)"), message.text());
    }

    @Test
    void aFailingModelThatIsStillOnShowsTheNumbersOfItsLatestSignalAndCanBeSwitchedOff() {
        SlackMessage message = root.render(seed.opened(), seed.failing(), seed.signals());
        String json = SlackJson.of(message).toString();

        assertTrue(json.contains("Claude Opus 4.8 (`claude-opus-4-8`) — *failing* (41% errors, 131 of 320 requests)"
                + " but still on"), json);
        assertTrue(json.contains("Claude Opus 4.7 (`claude-opus-4-7`) — on and healthy"), json);
        assertEquals(List.of("Acknowledge", "Disable Claude Opus 4.8", "Disable Claude Opus 4.7", "Post update",
                "Resolve").stream().sorted().toList(), buttons(message).stream().sorted().toList());
        assertTrue(message.text().startsWith("Anthropic degradation: no feature affected"), message.text());
        assertFalse(json.contains("(2 affected)"), json);
    }

    @Test
    void aSignalThatClearsLeavesTheModelHealthy() {
        List<TimelineEntry> timeline = new ArrayList<>(seed.signals());
        timeline.add(new TimelineEntry(Scenario.RECOVERED, Actor.signal("gateway"), new TimelineDetail.Signalled(
                "gateway", false, List.of(Target.model(SeedCatalog.OPUS_48)),
                new dev.detour.incidents.signals.SignalEvidence.AsWritten("recovered"),
                TimelineDetail.Signalled.Side.PROVIDER)));

        String json = SlackJson.of(root.render(seed.opened(), seed.failing(), timeline)).toString();

        assertTrue(json.contains("Claude Opus 4.8 (`claude-opus-4-8`) — on and healthy"), json);
    }

    @Test
    void aModelComingBackThroughARampHasItsLineOnTheRootMessage() {
        DetourStatus during = seed.during();
        Target opus = Target.model(SeedCatalog.OPUS_48);
        DetourStatus ramping = new DetourStatus(during.at(), during.providers(), during.models(),
                during.taskClasses(), during.openIncidents(), List.of(new dev.detour.incidents.recovery.RampShare(
                opus, 50, 2, Scenario.DISABLED, Optional.of(Scenario.NOW.plusSeconds(300)))));

        String json = SlackJson.of(root.render(seed.acknowledged(), ramping, List.of())).toString();

        assertTrue(json.contains("*Coming back step by step*\\n• Claude Opus 4.8 — coming back: 50% of traffic since"
                + " <!date^1780816440^{time}|07:14 UTC>, next step <!date^1780818300^{time}|07:45 UTC> if healthy"),
                json);
        assertFalse(SlackJson.of(root.render(seed.acknowledged(), during, List.of())).toString()
                .contains("Coming back"), "no ramp, no line");
    }
}
