package dev.detour.messages;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.recovery.HoldEvidence;
import dev.detour.incidents.recovery.RampMove;
import dev.detour.incidents.recovery.RampRefusal;
import dev.detour.incidents.recovery.RampSample;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.incidents.recovery.RampState;
import dev.detour.messages.testing.EnglishFinder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The words of staged recovery: the root line, the thread reply per move, the answers (docs/recovery.md). */
class RampTextTest {
    private static final Target OPUS = Target.model(OPUS_48);
    private static final Instant AT = Instant.parse("2026-06-07T12:40:00Z");
    private static final Instant NEXT = Instant.parse("2026-06-07T12:45:00Z");
    private static final RampSample HEALTHY = new RampSample(2310, 7, false, 900, List.of(), Duration.ofMinutes(5));
    private static final RampSample FAILING = new RampSample(400, 164, false, 900, List.of(), Duration.ofSeconds(60));
    private static final HoldEvidence SEEN = new HoldEvidence(2310, 0.003, false, false, Optional.of(HEALTHY));

    private final Names names = new Names(SeedCatalog.catalog());
    private final RampText english = new RampText(names, Wording.of("en"));
    private final RampText german = new RampText(names, Wording.of("de"));

    private static DetourEvent.RampMoved moved(RampMove move, Optional<RampShare> share, Actor actor) {
        return new DetourEvent.RampMoved(AT, actor, OPUS, "Claude Opus 4.8", move, share, Optional.empty(),
                Optional.empty(), Optional.of(new IncidentId(7)));
    }

    private static final RampShare AT_50 = new RampShare(OPUS, 50, 2, AT, Optional.of(NEXT));

    private static List<DetourEvent.RampMoved> everyMove() {
        Actor alice = Actor.user("U0ALICE");
        Actor policy = Actor.policy("recovery");
        Optional<RampShare> at10 = Optional.of(new RampShare(OPUS, 10, 1, AT, Optional.of(NEXT)));
        Optional<RampShare> back = Optional.of(new RampShare(OPUS, 0, 2, AT, Optional.empty()));
        return List.of(moved(new RampMove.Started(10), at10, alice),
                moved(new RampMove.Advanced(10, 50, SEEN, false), Optional.of(AT_50), policy),
                moved(new RampMove.Advanced(10, 50, HoldEvidence.NONE, true), Optional.of(AT_50), policy),
                moved(new RampMove.Held(10, new HoldEvidence(5, 0, false, false, Optional.of(
                        new RampSample(5, 0, false, 900, List.of(), Duration.ofSeconds(60)))), 20, true), at10, policy),
                moved(new RampMove.RolledBack(50, new HoldEvidence(400, 0.41, false, false, Optional.of(FAILING)),
                        RampMove.RollbackCause.ERROR_RATE, Optional.empty()), back, policy),
                moved(new RampMove.RolledBack(50, SEEN, RampMove.RollbackCause.LATENCY, Optional.empty()), back,
                        policy),
                moved(new RampMove.RolledBack(50, SEEN, RampMove.RollbackCause.FIRING, Optional.of("alertmanager")),
                        back, Actor.signal("alertmanager")),
                moved(new RampMove.Completed(50, false, SEEN, false), Optional.empty(), policy),
                moved(new RampMove.Completed(10, true, SEEN, false), Optional.empty(), alice),
                moved(new RampMove.Paused(50), Optional.of(new RampShare(OPUS, 50, 2, AT, Optional.empty())), alice),
                moved(new RampMove.Resumed(50), Optional.of(AT_50), alice),
                moved(new RampMove.Retried(10), at10, alice),
                moved(new RampMove.Aborted(50, false), Optional.empty(), alice),
                moved(new RampMove.Aborted(0, true), Optional.empty(), alice));
    }

    @Test
    void theRootLineSaysTheShareSinceWhenAndTheNextStep() {
        assertEquals("Claude Opus 4.8 — coming back: 50% of traffic since <!date^1780836000^{time}|12:40 UTC>,"
                + " next step <!date^1780836300^{time}|12:45 UTC> if healthy (2,310 requests, 0.3% errors in the"
                + " last 5m)", english.line(AT_50, Optional.of(SEEN), AT));
    }

    @Test
    void theRootLineCarriesTheEvidenceOfTheLastHoldRequestsErrorRateAndP95() {
        RampShare advanced = new RampShare(OPUS, 50, 2, AT, Optional.of(NEXT), Optional.of(SEEN));

        assertEquals("Claude Opus 4.8 — coming back: 50% of traffic since <!date^1780836000^{time}|12:40 UTC>,"
                + " next step <!date^1780836300^{time}|12:45 UTC> if healthy · last hold: 2,310 requests, 0.3%"
                + " errors, p95 900 ms in the last 5m", english.line(advanced, AT));
    }

    @Test
    void theRootLineSaysAStepTakenWithoutTrafficEvidenceAsSuch() {
        RampShare withoutTraffic = new RampShare(OPUS, 50, 2, AT, Optional.of(NEXT), Optional.of(new HoldEvidence(0,
                0, false, false, Optional.of(RampSample.quiet(Duration.ofSeconds(60))))));
        RampShare heldWhileFiring = new RampShare(OPUS, 10, 1, AT, Optional.of(NEXT), Optional.of(new HoldEvidence(0,
                0, false, true, Optional.empty())));
        RampShare busiestOnly = new RampShare(OPUS, 10, 1, AT, Optional.of(NEXT), Optional.of(new HoldEvidence(64,
                0.02, false, false, Optional.of(RampSample.quiet(Duration.ofSeconds(60))))));

        assertTrue(english.line(withoutTraffic, AT).endsWith(" if healthy · advanced without traffic evidence"),
                english.line(withoutTraffic, AT));
        assertTrue(english.line(heldWhileFiring, AT).endsWith(" · last hold: no gateway traffic reported"),
                english.line(heldWhileFiring, AT));
        assertTrue(english.line(busiestOnly, AT).endsWith(" · last hold: 64 requests in its busiest window, 2%"
                + " errors at worst"), english.line(busiestOnly, AT));
        assertFalse(english.line(new RampShare(OPUS, 10, 1, AT, Optional.of(NEXT)), AT).contains("last hold"),
                "before the first hold ends there is nothing to say");
    }

    @Test
    void aStepReplySaysTheNumbersInPlainWords() {
        assertEquals("Claude Opus 4.8 is coming back: 50% of traffic since <!date^1780836000^{time}|12:40 UTC>"
                + " (2,310 requests, 0.3% errors in the last 5m). Next step"
                + " <!date^1780836300^{time}|12:45 UTC> if healthy.", english.reply(everyMove().get(1), AT));
        assertTrue(english.reply(everyMove().get(2), AT).contains("Advanced without traffic evidence"));
    }

    @Test
    void aRollbackSaysWhyWithTheNumbersAndItsQuestionOffersRetryAndKeepOff() {
        DetourEvent.RampMoved rolledBack = everyMove().get(4);

        assertEquals("Claude Opus 4.8 is back to 0% of traffic: at 50% errors reached 41% (164 of 400 requests in"
                + " the last 1m).", english.reply(rolledBack, AT));
        SlackMessage buttons = new SlackMessage("", List.of(com.slack.api.model.block.Blocks.actions(a -> a.elements(
                english.rollbackButtons(OPUS)))));
        assertEquals(Optional.of("model:claude-opus-4-8"), buttons.buttonValue(Interactions.RAMP_RETRY));
        assertEquals(Optional.of("model:claude-opus-4-8"), buttons.buttonValue(Interactions.RAMP_KEEP_OFF));
    }

    @Test
    void aStepReplyHasNoButtonTheLiveOnesAreTheRootMessages() {
        for (DetourEvent.RampMoved moved : everyMove()) {
            SlackMessage reply = english.replyMessage(moved, AT);
            assertEquals(List.of(), reply.blocks().stream().filter(block -> block.getType().equals("actions"))
                    .toList(), moved.move().word());
        }
    }

    @Test
    void everyRampMessageInGermanHoldsNoEnglish() {
        EnglishFinder finder = new EnglishFinder(List.of("the", "is", "and", "or", "by", "for", "since",
                "traffic", "step", "coming", "back", "ramp", "requests", "errors", "paused", "stays", "off",
                "healthy", "next", "retry", "keep", "aborted", "completed"));
        List<String> texts = new ArrayList<>();
        everyMove().forEach(event -> texts.add(german.replyMessage(event, AT).text()));
        texts.add(german.line(AT_50, Optional.of(SEEN), AT));
        texts.add(german.line(new RampShare(OPUS, 50, 2, AT, Optional.of(NEXT), Optional.of(SEEN)), AT));
        for (HoldEvidence hold : List.of(new HoldEvidence(0, 0, false, false, Optional.empty()),
                new HoldEvidence(0, 0, false, true, Optional.empty()), new HoldEvidence(64, 0.02, false, false,
                        Optional.empty()))) {
            texts.add(german.line(new RampShare(OPUS, 50, 2, AT, Optional.of(NEXT), Optional.of(hold)), AT));
        }
        texts.add(german.line(new RampShare(OPUS, 0, 2, AT, Optional.empty()), AT));
        texts.add(german.refusal(new RampRefusal.NoRamp(OPUS)));
        texts.add(german.refusal(new RampRefusal.NotNow(OPUS, RampState.PAUSED, "pause")));
        texts.add(german.started(OPUS, AT_50, AT));
        List<String> english = new ArrayList<>();
        for (String text : texts) {
            String rest = text.replace("Claude Opus 4.8", "·").replaceAll("`[^`]*`|<[^>]*>", "·");
            finder.in(rest).forEach(found -> english.add(text + ": " + found));
        }
        assertEquals(List.of(), english);
    }
}
