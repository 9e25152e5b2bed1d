package dev.detour.commands;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.FailoverMode;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.QuestionSettlement;
import dev.detour.incidents.jobs.ConsentTimeouts;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteState;
import dev.detour.messages.Interactions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.CODE_MIGRATION;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A press on a button whose moment has passed gets what happened and the way forward, never an id or an error. */
class StalePressTest {
    private final FakeOperations operations = new FakeOperations(SeedCatalog.catalog());
    private final InteractionHandler interactions = new InteractionHandler(CommandHandlerTest.handler(operations),
            SeedCatalog.catalog(), CommandHandlerTest.ENGLISH);

    private String press(String actionId, String value) {
        return CommandHandlerTest.text(interactions.press(actionId, value, CommandHandlerTest.ALICE,
                Delivery.UNREPEATABLE));
    }

    private void codeMigrationIs(Route route) {
        operations.status = Optional.of(new DetourStatus(FakeOperations.NOW, List.of(), List.of(),
                List.of(new DetourStatus.TaskClassStatus(CODE_MIGRATION, "Code migration plans", FailoverMode.CONSENT,
                        List.of(OPUS_47, GPT_5), route, Optional.of(FakeOperations.NOW))), List.of()));
    }

    @Test
    void approvingAQuestionSomeoneApprovedAlreadySaysWhoAndHowToMoveBack() {
        codeMigrationIs(new Route(CODE_MIGRATION, RouteState.FALLBACK, Optional.of(GPT_5), Optional.empty(),
                RouteCause.CONSENT_APPROVED));
        operations.consentAnswers.put(CODE_MIGRATION, new QuestionSettlement(QuestionSettlement.Outcome.APPROVED,
                Actor.user("U0BOB"), FakeOperations.NOW));

        assertEquals("*Code migration plans* already moved to GPT-5 by <@U0BOB>; to move it back: "
                + "`/detour route code-migration auto`", press(Interactions.CONSENT_APPROVE, "code-migration"));
        assertEquals(List.of(), operations.changes);
    }

    @Test
    void denyingAQuestionThatTimedOutSaysNobodyAnsweredAndHowToMoveNow() {
        codeMigrationIs(new Route(CODE_MIGRATION, RouteState.STOPPED, Optional.empty(), Optional.of(GPT_5),
                RouteCause.CONSENT_TIMEOUT_DENIED));
        operations.consentAnswers.put(CODE_MIGRATION, new QuestionSettlement(
                QuestionSettlement.Outcome.TIMED_OUT_DENIED, ConsentTimeouts.POLICY, FakeOperations.NOW));

        String answer = press(Interactions.CONSENT_DENY, "code-migration");

        assertEquals("*Code migration plans* stays paused (nobody answered in time); to move it now: "
                + "`/detour route code-migration gpt-5`", answer);
        assertFalse(answer.contains("consent-timeout"), "no actor tags: " + answer);
    }

    @Test
    void answeringAfterTheClassIsBackOnItsModelSaysThereIsNothingToAnswer() {
        codeMigrationIs(new Route(CODE_MIGRATION, RouteState.PRIMARY, Optional.of(OPUS_47), Optional.empty(),
                RouteCause.PRIMARY_AVAILABLE));

        assertEquals("*Code migration plans* is back on Claude Opus 4.7: there is nothing to answer any more.",
                press(Interactions.CONSENT_APPROVE, "code-migration"));
    }

    @Test
    void switchingOffWhatIsOffAlreadySaysHowToSwitchItBackOn() {
        operations.off.add(Target.model(OPUS_48));

        String answer = press(Interactions.DISABLE + ":claude-opus-4-8", "INC-1 model:claude-opus-4-8");

        assertEquals("Claude Opus 4.8 is off already; to switch it back on: `/detour enable claude-opus-4-8`", answer);
        assertTrue(operations.changes.isEmpty(), operations.changes.toString());
    }

    @Test
    void aMoveNowButtonPinsTheClassToTheOfferedModel() {
        press(Interactions.MOVE_NOW, "code-migration gpt-5");

        assertEquals(List.of("U0ALICE routed code-migration pin gpt-5"), operations.changes);
    }

    @Test
    void aConsentAnswerWhileTheQuestionIsOpenIsCarriedOut() {
        codeMigrationIs(new Route(CODE_MIGRATION, RouteState.AWAITING_CONSENT, Optional.empty(), Optional.of(GPT_5),
                RouteCause.CONSENT_PENDING));

        press(Interactions.CONSENT_APPROVE, "code-migration");

        assertEquals(List.of("U0ALICE answered " + ConsentAnswer.APPROVE.word() + " for code-migration"),
                operations.changes);
    }
}
