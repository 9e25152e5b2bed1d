package dev.detour.notifications.slack;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.recovery.HoldEvidence;
import dev.detour.incidents.recovery.RampMove;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.messages.Interactions;
import dev.detour.messages.Wording;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ramp's moves in the incident's thread (docs/recovery.md): one reply each, a step held again told once. */
class SlackOutboxRuleRampTest {
    private static final Instant AT = Instant.parse("2026-06-07T12:40:00Z");
    private static final Target GPT = Target.model(SeedCatalog.GPT_5);
    private final SlackOutboxRule rule = new SlackOutboxRule(new SlackSettings("C0INCIDENTS", "C0SUPPORT",
            "C0MANAGERS", List.of("U0ALICE")), SeedCatalog.catalog(), Wording.of("en"));

    private static DetourEvent.RampMoved moved(RampMove move, Optional<RampShare> share) {
        return new DetourEvent.RampMoved(AT, Actor.policy("recovery"), GPT, "GPT-5", move, share, Optional.empty(),
                Optional.empty(), Optional.of(new IncidentId(3)));
    }

    @Test
    void aRollbackIsAReplyInTheIncidentsThreadWithRetryAndKeepOff() {
        List<OutboxDraft> drafts = rule.draftsForChange(List.of(moved(new RampMove.RolledBack(50, HoldEvidence.NONE,
                RampMove.RollbackCause.FIRING, Optional.of("alertmanager")),
                Optional.of(new RampShare(GPT, 0, 2, AT, Optional.empty())))));

        assertEquals(1, drafts.size());
        assertEquals(SlackKind.REPLY, drafts.get(0).kind());
        assertTrue(drafts.get(0).payload().contains(Interactions.RAMP_RETRY), drafts.get(0).payload());
        assertTrue(drafts.get(0).payload().contains(Interactions.RAMP_KEEP_OFF), drafts.get(0).payload());
    }

    @Test
    void aStepHeldAgainAfterItsFirstHoldIsNotToldAgain() {
        Optional<RampShare> at10 = Optional.of(new RampShare(GPT, 10, 1, AT, Optional.of(AT.plusSeconds(300))));

        assertEquals(1, rule.draftsForChange(List.of(moved(new RampMove.Held(10, HoldEvidence.NONE, 20, true), at10)))
                .size());
        assertEquals(0, rule.draftsForChange(List.of(moved(new RampMove.Held(10, HoldEvidence.NONE, 20, false), at10)))
                .size());
    }
}
