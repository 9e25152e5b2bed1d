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
import dev.detour.messages.Wording;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ramp's moves in the incident's thread (docs/recovery.md): one reply each, a step held again told once; a
 * rollback is a question, settled by the ramp's next move.
 */
class SlackOutboxRuleRampTest {
    private static final Instant AT = Instant.parse("2026-06-07T12:40:00Z");
    private static final Target GPT = Target.model(SeedCatalog.GPT_5);
    private final SlackOutboxRule rule = new SlackOutboxRule(new SlackSettings("C0INCIDENTS", "C0SUPPORT",
            "C0MANAGERS", List.of("U0ALICE")), SeedCatalog.catalog(), Wording.of("en"));

    private static DetourEvent.RampMoved moved(RampMove move, Optional<RampShare> share) {
        return new DetourEvent.RampMoved(AT, Actor.policy("recovery"), GPT, "GPT-5", move, share, Optional.empty(),
                Optional.empty(), Optional.of(new IncidentId(3)));
    }

    private final QuestionOutboxRule questions = new QuestionOutboxRule(new SlackSettings("C0INCIDENTS",
            "C0SUPPORT", "C0MANAGERS", List.of("U0ALICE")), SeedCatalog.catalog(), Wording.of("en"));

    private static DetourEvent.RampMoved rolledBack() {
        return moved(new RampMove.RolledBack(50, HoldEvidence.NONE, RampMove.RollbackCause.FIRING,
                Optional.of("alertmanager")), Optional.of(new RampShare(GPT, 0, 2, AT, Optional.empty())));
    }

    @Test
    void aRollbackIsAQuestionInTheIncidentsThreadNotAPlainReply() {
        assertEquals(List.of(), rule.draftsForChange(List.of(rolledBack())));

        List<OutboxDraft> asked = questions.draftsForChange(List.of(rolledBack()));

        assertEquals(1, asked.size());
        assertEquals(SlackKind.QUESTION, asked.get(0).kind());
        assertTrue(asked.get(0).payload().contains("\"kind\":\"rollback\""), asked.get(0).payload());
        assertTrue(asked.get(0).payload().contains("GPT-5 is back to 0% of traffic"), asked.get(0).payload());
    }

    @Test
    void theRampsNextMoveSettlesTheRollbackQuestionByHowItMoved() {
        Optional<RampShare> at10 = Optional.of(new RampShare(GPT, 10, 1, AT, Optional.of(AT.plusSeconds(300))));
        Actor alice = Actor.user("U0ALICE");
        record Case(RampMove move, Actor by, String outcome) {
        }
        for (Case c : List.of(new Case(new RampMove.Retried(10), alice, "approved"),
                new Case(new RampMove.Aborted(0, true), alice, "denied"),
                new Case(new RampMove.Completed(0, true, HoldEvidence.NONE, false), alice, "done"),
                new Case(new RampMove.Started(10), alice, "overtaken"))) {
            DetourEvent.RampMoved event = new DetourEvent.RampMoved(AT, c.by(), GPT, "GPT-5", c.move(), at10,
                    Optional.empty(), Optional.empty(), Optional.of(new IncidentId(3)));

            // A new start also settles the "switch it back on?" questions about its target (QuestionChange.Ramping).
            List<OutboxDraft> settled = questions.draftsFor(event).stream()
                    .filter(draft -> QuestionChange.fromJson(draft.payload()) instanceof QuestionChange.RampSettled)
                    .toList();

            assertEquals(1, settled.size(), c.toString());
            assertEquals(SlackKind.QUESTION_SETTLED, settled.get(0).kind());
            QuestionChange.RampSettled change = (QuestionChange.RampSettled) QuestionChange.fromJson(
                    settled.get(0).payload());
            assertEquals(GPT, change.target());
            assertEquals(c.outcome(), dev.detour.incidents.catalog.EnumWords.of(change.settlement().outcome()));
            assertEquals(c.by(), change.settlement().by());
        }
        assertEquals(List.of(), questions.draftsFor(rolledBack()), "a rollback asks; it settles nothing");
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
