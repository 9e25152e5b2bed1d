package dev.detour.commands;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.approval.Approval;
import dev.detour.incidents.catalog.ConfirmPolicy;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.messages.Interactions;
import dev.detour.messages.SlackMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.GPT_5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code policy.second-approver: provider} (docs/routing.md, "Two-person rule"): a person's whole-provider
 * switch-off waits for a different on-call member; {@code --now} and Apply now apply at once and ask for a review.
 */
class TwoPersonRuleTest {
    private static final Invoker BOB = new Invoker("U0CAROL", "C0INCIDENTS"); // on call through the user group

    private final FakeOperations operations = new FakeOperations(SeedCatalog.catalog());
    private final CommandHandler commands = CommandHandlerTest.handler(operations);
    private final InteractionHandler interactions = new InteractionHandler(commands, SeedCatalog.catalog(),
            CommandHandlerTest.ENGLISH);

    TwoPersonRuleTest() {
        operations.secondApprover = true;
    }

    private CommandReply type(String typed, Invoker invoker) {
        return commands.execute(commands.parse(typed), invoker);
    }

    private String press(String actionId, String value, Invoker invoker) {
        return CommandHandlerTest.text(interactions.press(actionId, value, invoker, Delivery.UNREPEATABLE));
    }

    private static Optional<ButtonElement> button(SlackMessage message, String actionId) {
        return message.blocks().stream().filter(ActionsBlock.class::isInstance).map(ActionsBlock.class::cast)
                .flatMap(block -> block.getElements().stream()).filter(ButtonElement.class::isInstance)
                .map(ButtonElement.class::cast).filter(button -> actionId.equals(button.getActionId())).findFirst();
    }

    private static String sections(SlackMessage message) {
        return String.join("\n", message.blocks().stream().filter(SectionBlock.class::isInstance)
                .map(block -> ((SectionBlock) block).getText().getText()).toList());
    }

    @Test
    void aWholeProviderSwitchOffByAPersonIsNotAppliedButAsksASecondOnCallMember() {
        String answer = CommandHandlerTest.text(type("disable anthropic -- elevated 529s", CommandHandlerTest.ALICE));

        assertTrue(answer.contains("needs a second on-call member"), answer);
        assertTrue(answer.contains("<@U0ALICE>, <!subteam^S0ONCALL>"), "names who may approve: " + answer);
        assertTrue(answer.contains("INC-1"), answer);
        assertEquals(List.of("U0ALICE asked for approval of [anthropic]"), operations.changes);
        Approval asked = operations.approvals.get(1L);
        assertEquals(Optional.of("elevated 529s"), asked.reason());
    }

    @Test
    void switchingOffOneModelIsNotHeld() {
        type("disable gpt-5", CommandHandlerTest.ALICE);

        assertEquals(List.of("U0ALICE disabled [gpt-5] "), operations.changes);
    }

    @Test
    void theConfirmFirstPreviewSaysASecondOnCallMemberIsNeededAndConfirmAsksForApproval() {
        operations.confirmPolicy = ConfirmPolicy.PROVIDER;
        SlackMessage preview = assertInstanceOf(CommandReply.Ephemeral.class,
                type("disable anthropic", CommandHandlerTest.ALICE)).message();
        assertTrue(sections(preview).contains("Switching off a whole provider needs a second on-call member"),
                sections(preview));

        String answer = press(Interactions.CONFIRM, button(preview, Interactions.CONFIRM).orElseThrow().getValue(),
                CommandHandlerTest.ALICE);

        assertTrue(answer.contains("needs a second on-call member"), answer);
        assertEquals(List.of("U0ALICE asked for approval of [anthropic]"), operations.changes);
    }

    @Test
    void anotherOnCallMemberApprovesAndTheChangeIsApplied() {
        type("disable anthropic -- elevated 529s", CommandHandlerTest.ALICE);

        String answer = press(Interactions.APPROVE, "1", BOB);

        assertTrue(answer.startsWith("Approved. Disabled"), answer);
        assertEquals(List.of("U0ALICE asked for approval of [anthropic]", "U0CAROL approved 1",
                "U0ALICE disabled [anthropic] elevated 529s"), operations.changes);
    }

    @Test
    void approvingOnesOwnRequestIsRefusedWithAReason() {
        type("disable anthropic", CommandHandlerTest.ALICE);

        String answer = press(Interactions.APPROVE, "1", CommandHandlerTest.ALICE);

        assertTrue(answer.contains("You asked for this switch-off yourself"), answer);
        assertEquals("U0ALICE was refused: self", operations.changes.get(1));
        assertEquals(2, operations.changes.size(), "nothing was switched off");
    }

    @Test
    void approvalBySomeoneNotOnCallIsRefusedAndTheAttemptRecorded() {
        type("disable anthropic", CommandHandlerTest.ALICE);

        String answer = press(Interactions.APPROVE, "1", CommandHandlerTest.MALLORY);

        assertTrue(answer.startsWith("Only on-call may approve"), answer);
        assertEquals("U0MALLORY was refused: not-on-call", operations.changes.get(1));
    }

    @Test
    void approvalAfterExpiryIsRefused() {
        type("disable anthropic", CommandHandlerTest.ALICE);
        operations.approvalNow = operations.approvalNow.plus(Duration.ofMinutes(11));

        String answer = press(Interactions.APPROVE, "1", BOB);

        assertTrue(answer.startsWith("This request expired"), answer);
    }

    @Test
    void approvalAfterTheStateMovedAppliesNothing() {
        type("disable anthropic", CommandHandlerTest.ALICE);
        operations.override(TaskClassId.of("meeting-summary"), Optional.of(new RouteOverride.Pin(GPT_5)),
                dev.detour.incidents.incident.Actor.user("U0BOB"));

        press(Interactions.APPROVE, "1", BOB);

        assertEquals("U0CAROL was refused: state-moved", operations.changes.get(2));
        assertEquals(3, operations.changes.size(), "nothing was switched off");
    }

    @Test
    void disableNowAppliesAtOnceAndAReviewBySomeoneElseIsTaken() {
        String answer = CommandHandlerTest.text(type("disable anthropic --now -- on fire", CommandHandlerTest.ALICE));

        assertTrue(answer.startsWith("Emergency apply. Disabled"), answer);
        assertEquals(List.of("U0ALICE disabled [anthropic] on fire", "U0ALICE applied at once 1"),
                operations.changes);
        assertTrue(press(Interactions.REVIEW, "1", CommandHandlerTest.ALICE).contains("You applied this yourself"));
        assertTrue(press(Interactions.REVIEW, "1", BOB).startsWith("Reviewed"));
        assertEquals(Approval.State.REVIEWED, operations.approvals.get(1L).state());
    }

    @Test
    void applyNowOnARequestIsAnEmergencyApply() {
        type("disable anthropic", CommandHandlerTest.ALICE);

        String answer = press(Interactions.APPLY_NOW, "1", CommandHandlerTest.ALICE);

        assertTrue(answer.startsWith("Emergency apply. Disabled"), answer);
        assertEquals(Approval.State.APPLIED_NOW, operations.approvals.get(1L).state());
    }

    @Test
    void applyNowIsForOnCallOnly() {
        type("disable anthropic", CommandHandlerTest.ALICE);

        String answer = press(Interactions.APPLY_NOW, "1", CommandHandlerTest.MALLORY);

        assertTrue(answer.contains("Only on-call may run `/detour disable`"), answer);
        assertEquals(1, operations.changes.size());
    }

    @Test
    void nowIsReadAsSlackRetypesItsDashesAndADryRunStillChangesNothing() {
        assertEquals(new DetourCommand.DisableNow(List.of(dev.detour.incidents.catalog.Target.provider(
                SeedCatalog.ANTHROPIC)), Optional.of("on fire")), commands.parse("disable anthropic —now -- on fire"));
        assertInstanceOf(DetourCommand.DryRun.class, commands.parse("disable anthropic --now --dry-run"));
        assertInstanceOf(DetourCommand.Invalid.class, commands.parse("enable anthropic --now"),
                "--now is for switching off only");
    }

    @Test
    void aButtonWithoutARequestNumberIsUnknown() {
        assertTrue(press(Interactions.APPROVE, "not-a-number", BOB).contains("detour.approve"));
    }
}
