package dev.detour.commands;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.ConfirmPolicy;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.messages.Interactions;
import dev.detour.messages.PreviewedDisable;
import dev.detour.messages.SlackMessage;
import dev.detour.incidents.incident.TimelineDetail;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code policy.confirm}: a switch-off that asks first shows its preview with Confirm and Cancel (docs/slack.md). */
class ConfirmFirstTest {
    private final FakeOperations operations = new FakeOperations(SeedCatalog.catalog());
    private final CommandHandler commands = CommandHandlerTest.handler(operations);
    private final InteractionHandler interactions = new InteractionHandler(commands, SeedCatalog.catalog(),
            CommandHandlerTest.ENGLISH);

    private SlackMessage ask(String typed) {
        return assertInstanceOf(CommandReply.Ephemeral.class,
                commands.execute(commands.parse(typed), CommandHandlerTest.ALICE)).message();
    }

    private String press(String actionId, String value, Invoker invoker) {
        return CommandHandlerTest.text(interactions.press(actionId, value, invoker, Delivery.UNREPEATABLE));
    }

    private static Optional<ButtonElement> button(SlackMessage message, String actionId) {
        return message.blocks().stream().filter(ActionsBlock.class::isInstance).map(ActionsBlock.class::cast)
                .flatMap(block -> block.getElements().stream()).filter(ButtonElement.class::isInstance)
                .map(ButtonElement.class::cast).filter(button -> actionId.equals(button.getActionId())).findFirst();
    }

    @Test
    void disablingAWholeProviderShowsThePreviewWithConfirmAndCancelAndChangesNothing() {
        operations.confirmPolicy = ConfirmPolicy.PROVIDER;

        SlackMessage reply = ask("disable anthropic -- elevated 529s");

        assertTrue(reply.text().startsWith("Confirm first: "), reply.text());
        assertTrue(button(reply, Interactions.CONFIRM).isPresent());
        assertTrue(button(reply, Interactions.CANCEL).isPresent());
        assertTrue(operations.changes.isEmpty(), operations.changes.toString());
    }

    @Test
    void confirmAppliesThePreviewedChangeWithItsReason() {
        operations.confirmPolicy = ConfirmPolicy.PROVIDER;
        String value = button(ask("disable anthropic -- elevated 529s"), Interactions.CONFIRM).orElseThrow().getValue();

        String done = press(Interactions.CONFIRM, value, CommandHandlerTest.ALICE);

        assertTrue(done.startsWith("Disabled"), done);
        assertEquals(List.of("U0ALICE disabled [anthropic] elevated 529s"), operations.changes);
    }

    @Test
    void confirmAfterTheStateMovedShowsTheNewPreviewWithNewButtonsAndChangesNothing() {
        operations.confirmPolicy = ConfirmPolicy.PROVIDER;
        String stale = button(ask("disable anthropic"), Interactions.CONFIRM).orElseThrow().getValue();
        operations.override(TaskClassId.of("meeting-summary"), Optional.of(new RouteOverride.Pin(GPT_5)),
                dev.detour.incidents.incident.Actor.user("U0BOB"));
        operations.changes.clear();

        SlackMessage reply = assertInstanceOf(CommandReply.Ephemeral.class, interactions.press(Interactions.CONFIRM,
                stale, CommandHandlerTest.ALICE, Delivery.UNREPEATABLE)).message();

        assertTrue(operations.changes.isEmpty(), operations.changes.toString());
        assertTrue(reply.blocks().toString().contains("The state moved since this preview"), reply.blocks().toString());
        String fresh = button(reply, Interactions.CONFIRM).orElseThrow().getValue();
        assertTrue(!fresh.equals(stale), "the new Confirm carries the new version");
        assertTrue(press(Interactions.CONFIRM, fresh, CommandHandlerTest.ALICE).startsWith("Disabled"));
    }

    @Test
    void cancelSaysNothingChangedAndChangesNothing() {
        operations.confirmPolicy = ConfirmPolicy.PROVIDER;
        ask("disable anthropic");

        assertEquals("Cancelled: nothing changed.", press(Interactions.CANCEL, "cancel", CommandHandlerTest.ALICE));
        assertTrue(operations.changes.isEmpty(), operations.changes.toString());
    }

    @Test
    void whatSettlesThePreviewTakesItsPlaceAndARefusalAnswersBesideIt() {
        operations.confirmPolicy = ConfirmPolicy.PROVIDER;
        String stale = button(ask("disable anthropic"), Interactions.CONFIRM).orElseThrow().getValue();

        assertTrue(replaces(Interactions.CONFIRM, stale, CommandHandlerTest.MALLORY) == false,
                "not on call: the preview stays, with the refusal beside it");
        assertTrue(replaces(Interactions.CANCEL, "cancel", CommandHandlerTest.ALICE), "cancelled");
        operations.override(TaskClassId.of("meeting-summary"), Optional.of(new RouteOverride.Pin(GPT_5)),
                dev.detour.incidents.incident.Actor.user("U0BOB"));
        assertTrue(replaces(Interactions.CONFIRM, stale, CommandHandlerTest.ALICE), "the new preview");
        String fresh = button(ask("disable anthropic"), Interactions.CONFIRM).orElseThrow().getValue();
        assertTrue(replaces(Interactions.CONFIRM, fresh, CommandHandlerTest.ALICE), "applied");
    }

    private boolean replaces(String actionId, String value, Invoker invoker) {
        return assertInstanceOf(CommandReply.Ephemeral.class, interactions.press(actionId, value, invoker,
                Delivery.UNREPEATABLE)).replacesPreview();
    }

    @Test
    void eachButtonSaysWhichScopeItChoosesAndWhichOtherWasOffered() {
        operations.confirmPolicy = ConfirmPolicy.PROVIDER;
        String confirm = button(ask("disable anthropic"), Interactions.CONFIRM).orElseThrow().getValue();
        String version = PreviewedDisable.parse(confirm).orElseThrow().version();
        String narrower = new PreviewedDisable(List.of(Target.model(OPUS_48)), version, Optional.empty(),
                Optional.of(List.of(Target.provider(dev.detour.incidents.SeedCatalog.ANTHROPIC)))).value();

        press(Interactions.CONFIRM_NARROWER, narrower, CommandHandlerTest.ALICE);
        press(Interactions.CONFIRM, confirm, CommandHandlerTest.ALICE);

        Target anthropic = Target.provider(dev.detour.incidents.SeedCatalog.ANTHROPIC);
        assertEquals(List.of(
                Optional.of(new TimelineDetail.ScopeChosen(List.of(anthropic), List.of(Target.model(OPUS_48)), true)),
                Optional.of(new TimelineDetail.ScopeChosen(List.of(anthropic), List.of(), false))), operations.scopes,
                "narrowed; then the whole provider, no narrower scope offered (no evidence in this test)");
    }

    @Test
    void onlyOnCallMayConfirm() {
        operations.confirmPolicy = ConfirmPolicy.PROVIDER;
        String value = button(ask("disable anthropic"), Interactions.CONFIRM).orElseThrow().getValue();

        String refused = press(Interactions.CONFIRM, value, CommandHandlerTest.MALLORY);

        assertTrue(refused.contains("on-call"), refused);
        assertTrue(operations.changes.isEmpty(), operations.changes.toString());
    }

    @Test
    void disableOnlyTheFailingModelsAppliesTheNarrowerChangeItCarries() {
        operations.confirmPolicy = ConfirmPolicy.PROVIDER;
        String version = PreviewedDisable.parse(button(ask("disable anthropic"), Interactions.CONFIRM).orElseThrow()
                .getValue()).orElseThrow().version();
        String narrower = new PreviewedDisable(List.of(Target.model(OPUS_48)), version, Optional.of("529s")).value();

        String done = press(Interactions.CONFIRM_NARROWER, narrower, CommandHandlerTest.ALICE);

        assertTrue(done.startsWith("Disabled"), done);
        assertEquals(List.of("U0ALICE disabled [claude-opus-4-8] 529s"), operations.changes);
    }

    @Test
    void withConfirmNeverAProviderIsDisabledAtOnceAsBefore() {
        operations.confirmPolicy = ConfirmPolicy.NEVER;

        assertTrue(ask("disable anthropic").text().startsWith("Disabled"));
        assertEquals(List.of("U0ALICE disabled [anthropic] "), operations.changes);
    }

    @Test
    void withConfirmProviderAModelIsDisabledAtOnceButWithAnyItAsksFirst() {
        operations.confirmPolicy = ConfirmPolicy.PROVIDER;
        assertTrue(ask("disable gpt-5").text().startsWith("Disabled"));

        operations.confirmPolicy = ConfirmPolicy.ANY;
        assertTrue(ask("disable claude-opus-4-8").text().startsWith("Confirm first: "));
    }

    @Test
    void aConfirmButtonThatDetourDidNotWriteIsAnUnknownButton() {
        assertEquals(Optional.empty(), interactions.command(Interactions.CONFIRM, "v1 nonsense"));
        assertEquals(Optional.empty(), interactions.command(Interactions.CONFIRM, "v1 model:no-such-model"));
    }
}
