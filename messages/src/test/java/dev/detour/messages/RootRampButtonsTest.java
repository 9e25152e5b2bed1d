package dev.detour.messages;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.recovery.RampShare;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The root message's buttons for targets coming back through a ramp (docs/recovery.md, "Commands and buttons"). */
class RootRampButtonsTest {
    private static final String OPUS_48 = "model:" + SeedCatalog.OPUS_48.value();

    private final Scenario seed = Scenario.seed();
    private final IncidentRootMessage english = new IncidentRootMessage(seed.names(), Wording.of("en"));

    private static DetourStatus with(DetourStatus status, List<RampShare> ramps) {
        return new DetourStatus(status.at(), status.providers(), status.models(), status.taskClasses(),
                status.openIncidents(), ramps);
    }

    private static RampShare first(DetourStatus status) {
        return status.ramps().get(0);
    }

    @Test
    void eachRunningRampHasPauseAbortAndCompleteButtonsThatNameItsTarget() {
        SlackMessage root = english.render(seed.acknowledged(), seed.rampingBack());

        assertEquals(Optional.of(OPUS_48), root.buttonValue(Interactions.RAMP_PAUSE + ":" + OPUS_48));
        assertEquals(Optional.of(OPUS_48), root.buttonValue(Interactions.RAMP_ABORT + ":" + OPUS_48));
        assertEquals(Optional.of(OPUS_48), root.buttonValue(Interactions.RAMP_COMPLETE + ":" + OPUS_48));
        String blocks = root.blocks().toString();
        assertTrue(blocks.contains("Pause Claude Opus 4.8") && blocks.contains("Abort Claude Opus 4.8")
                && blocks.contains("Complete Claude Opus 4.8 now"), blocks);
        assertTrue(root.buttonValue(Interactions.RAMP_PAUSE + ":model:claude-opus-4-7").isPresent(),
                "the second ramp has its own buttons: " + blocks);
    }

    @Test
    void aPausedRampOffersResumeInsteadOfPause() {
        DetourStatus ramping = seed.rampingBack();
        RampShare running = first(ramping);
        RampShare paused = new RampShare(running.target(), running.percent(), running.step(), running.since(),
                Optional.empty(), running.lastHold());

        SlackMessage root = english.render(seed.acknowledged(), with(ramping, List.of(paused)));

        assertEquals(Optional.of(OPUS_48), root.buttonValue(Interactions.RAMP_RESUME + ":" + OPUS_48));
        assertEquals(Optional.empty(), root.buttonValue(Interactions.RAMP_PAUSE + ":" + OPUS_48));
    }

    @Test
    void aRolledBackRampHasNoButtonsOnTheRootSinceItsThreadReplyAsks() {
        DetourStatus ramping = seed.rampingBack();
        RampShare running = first(ramping);
        RampShare back = new RampShare(running.target(), 0, running.step(), running.since(), Optional.empty());

        SlackMessage root = english.render(seed.acknowledged(), with(ramping, List.of(back)));

        String blocks = root.blocks().toString();
        assertFalse(blocks.contains("detour.ramp-"), blocks);
    }

    @Test
    void aTargetComingBackThroughARampIsNotOfferedEnable() {
        SlackMessage during = english.render(seed.acknowledged(), seed.during());
        SlackMessage ramping = english.render(seed.acknowledged(), seed.rampingBack());

        assertTrue(during.buttonValue(Interactions.ENABLE + ":" + SeedCatalog.OPUS_48.value()).isPresent(),
                "off and not ramping: Enable is offered");
        assertEquals(Optional.empty(), ramping.buttonValue(Interactions.ENABLE + ":" + SeedCatalog.OPUS_48.value()),
                "enabling a ramping model starts nothing: " + ramping.blocks());
    }

    @Test
    void aResolvedIncidentHasNoRampButtons() {
        SlackMessage root = english.render(seed.resolved(), seed.rampingBack());

        assertFalse(root.blocks().toString().contains("detour.ramp-"), root.blocks().toString());
    }
}
