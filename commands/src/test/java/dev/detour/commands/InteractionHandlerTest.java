package dev.detour.commands;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.TextLimits;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.messages.Interactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InteractionHandlerTest {
    private static final IncidentId INC_3 = new IncidentId(3);

    private final FakeOperations operations = new FakeOperations(SeedCatalog.catalog());
    private final InteractionHandler interactions = new InteractionHandler(CommandHandlerTest.handler(operations),
            SeedCatalog.catalog(), CommandHandlerTest.ENGLISH);

    private Optional<DetourCommand> pressed(String actionId, String value) {
        return interactions.command(actionId, value);
    }

    @Test
    void everyButtonBuildsItsCommandDirectly() {
        Optional<String> fromMessage = Optional.of("from INC-3's message");
        assertEquals(Optional.of(new DetourCommand.Acknowledge(INC_3)), pressed(Interactions.ACKNOWLEDGE, "INC-3"));
        assertEquals(Optional.of(new DetourCommand.Disable(List.of(Target.model(OPUS_48)), fromMessage)),
                pressed(Interactions.DISABLE + ":model:claude-opus-4-8", "INC-3 model:claude-opus-4-8"));
        assertEquals(Optional.of(new DetourCommand.Enable(List.of(Target.provider(ANTHROPIC)), fromMessage)),
                pressed(Interactions.ENABLE + ":provider:anthropic", "INC-3 provider:anthropic"));
        assertEquals(Optional.of(new DetourCommand.Disable(List.of(Target.model(GPT_5)), fromMessage)),
                pressed(Interactions.DISABLE_MENU, "INC-3 model:gpt-5"));
        assertEquals(Optional.of(new DetourCommand.Enable(List.of(Target.model(GPT_5)), fromMessage)),
                pressed(Interactions.ENABLE_MENU, "INC-3 model:gpt-5"));
        assertEquals(Optional.of(new DetourCommand.OpenForm(DetourCommand.Form.UPDATE, INC_3)),
                pressed(Interactions.POST_UPDATE, "INC-3"));
        assertEquals(Optional.of(new DetourCommand.OpenForm(DetourCommand.Form.RESOLVE, INC_3)),
                pressed(Interactions.RESOLVE, "INC-3"));
        assertEquals(Optional.of(new DetourCommand.ChangeState(INC_3, IncidentState.MONITORING)),
                pressed(Interactions.CHANGE_STATE, "INC-3 monitoring"));
        assertEquals(Optional.of(new DetourCommand.Consent(TaskClassId.of("code-migration"), ConsentAnswer.APPROVE)),
                pressed(Interactions.CONSENT_APPROVE, "code-migration"));
        assertEquals(Optional.of(new DetourCommand.Consent(TaskClassId.of("code-migration"), ConsentAnswer.DENY)),
                pressed(Interactions.CONSENT_DENY, "code-migration"));
        assertEquals(Optional.of(new DetourCommand.Route(TaskClassId.of("code-migration"),
                        Optional.of(new RouteOverride.Pin(GPT_5)))),
                pressed(Interactions.MOVE_NOW, "code-migration gpt-5"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "detour.acknowledge     | not-an-incident",
            "detour.acknowledge     | ''",
            "detour.disable         | INC-3",
            "detour.disable         | INC-3 model:no-such-model",
            "detour.disable         | INC-3 planet:mars",
            "detour.enable          | INC-3 model:",
            "detour.change-state    | INC-3 sideways",
            "detour.change-state    | INC-3",
            "detour.consent-approve | no-such-task-class",
            "detour.move-now        | code-migration",
            "detour.move-now        | code-migration no-such-model",
            "detour.post-update     | ''",
            "detour.self-destruct   | INC-3",
    })
    void aButtonDetourDoesNotKnowIsNoCommandAndIsAnsweredPolitely(String actionId, String value) {
        assertEquals(Optional.empty(), pressed(actionId, value));

        String reply = CommandHandlerTest.text(interactions.press(actionId, value, CommandHandlerTest.ALICE,
                Delivery.UNREPEATABLE));

        assertTrue(reply.startsWith(":warning: Detour did not understand that button"), reply);
        assertEquals(List.of(), operations.changes);
    }

    @Test
    void aPressIsCarriedOutWithTheSamePermissionRuleAsTheCommand() {
        operations.open("Opus errors", Target.model(OPUS_48));

        String refused = CommandHandlerTest.text(interactions.press(Interactions.ACKNOWLEDGE, "INC-1",
                CommandHandlerTest.MALLORY, Delivery.UNREPEATABLE));
        String done = CommandHandlerTest.text(interactions.press(Interactions.ACKNOWLEDGE, "INC-1",
                CommandHandlerTest.ALICE, Delivery.UNREPEATABLE));

        assertTrue(refused.startsWith("Only on-call may acknowledge incidents."), refused);
        assertEquals("Acknowledged *INC-1* (investigating).", done);
        assertEquals(List.of("U0ALICE acknowledged INC-1"), operations.changes);
    }

    @Test
    void aReplayedPressHasNoEffect() {
        operations.open("Opus errors", Target.model(OPUS_48));

        CommandReply reply = interactions.press(Interactions.ACKNOWLEDGE, "INC-1", CommandHandlerTest.ALICE,
                () -> false);

        assertInstanceOf(CommandReply.Silent.class, reply);
        assertEquals(List.of(), operations.changes);
    }

    @Test
    void aDeclareFormBecomesADeclareCommandWithoutTouchingAnything() {
        SubmissionReply reply = interactions.submit(Interactions.DECLARE_MODAL, null, Map.of(
                Interactions.TARGETS_INPUT, List.of("model:claude-opus-4-8", "provider:openai"),
                Interactions.KIND_INPUT, List.of("degradation"),
                Interactions.REASON_INPUT, List.of("  slow answers  ")));

        assertEquals(new SubmissionReply.Accepted(new DetourCommand.Declare(List.of(Target.model(OPUS_48),
                Target.provider(SeedCatalog.OPENAI)), Optional.of("slow answers"), IncidentKind.DEGRADATION)), reply);
        assertEquals(List.of(), operations.changes, "carried out only after the acknowledgement");
    }

    @Test
    void theUpdateAndResolveFormsBecomeTheirCommands() {
        assertEquals(new SubmissionReply.Accepted(new DetourCommand.Update(INC_3,
                        UpdateText.internalOnly("Fallback holds"))),
                interactions.submit(Interactions.UPDATE_MODAL, "INC-3",
                        Map.of(Interactions.UPDATE_INPUT, List.of(" Fallback holds "))));
        assertEquals(new SubmissionReply.Accepted(new DetourCommand.Resolve(INC_3, Optional.of("fixed"))),
                interactions.submit(Interactions.RESOLVE_MODAL, "INC-3",
                        Map.of(Interactions.SUMMARY_INPUT, List.of("fixed"))));
        assertEquals(new SubmissionReply.Accepted(new DetourCommand.Resolve(INC_3, Optional.empty())),
                interactions.submit(Interactions.RESOLVE_MODAL, "INC-3", Map.of()));
    }

    @Test
    void theResolveFormsTextForCustomersBecomesTheResolutionsCustomerPartAsCustomersWillReadIt() {
        var accepted = assertInstanceOf(SubmissionReply.Accepted.class, interactions.submit(Interactions.RESOLVE_MODAL,
                "INC-3", Map.of(Interactions.SUMMARY_INPUT, List.of("fixed"), Interactions.RESOLVE_PUBLIC_INPUT,
                        List.of(" Everything works again; <@U0BOB|bob> checked <!here> "))));

        var resolution = assertInstanceOf(DetourCommand.Resolve.class, accepted.command()).resolution();
        assertEquals("fixed", resolution.summary());
        assertEquals(Optional.of("Everything works again; @bob checked @here"), resolution.forCustomers());
    }

    @Test
    void anUpdateFormWithTextForCustomersFirstShowsExactlyWhatCustomersWillRead() {
        Map<String, List<String>> typed = Map.of(Interactions.UPDATE_INPUT, List.of("<@U0BOB> restarts the gateway"),
                Interactions.UPDATE_PUBLIC_INPUT, List.of(" <@U0BOB|bob> is on it <!here> "));

        var preview = assertInstanceOf(SubmissionReply.Preview.class,
                interactions.submit(Interactions.UPDATE_MODAL, "INC-3", typed));

        String shown = preview.view().getBlocks().toString();
        assertTrue(shown.contains("@bob is on it @here"), shown);
        assertEquals(Interactions.UPDATE_MODAL, preview.view().getCallbackId());
        assertEquals(List.of(), operations.changes, "nothing is posted before the preview was seen");

        assertEquals(new SubmissionReply.Accepted(new DetourCommand.Update(INC_3,
                        new UpdateText("<@U0BOB> restarts the gateway", "@bob is on it @here"))),
                interactions.submit(Interactions.UPDATE_MODAL, preview.view().getPrivateMetadata(), typed));
    }

    @Test
    void anUpdateFormWhoseTextForCustomersChangedAfterThePreviewShowsTheNewPreview() {
        var preview = assertInstanceOf(SubmissionReply.Preview.class, interactions.submit(Interactions.UPDATE_MODAL,
                "INC-3", Map.of(Interactions.UPDATE_PUBLIC_INPUT, List.of("Contract review is paused"))));

        var again = assertInstanceOf(SubmissionReply.Preview.class, interactions.submit(Interactions.UPDATE_MODAL,
                preview.view().getPrivateMetadata(), Map.of(Interactions.UPDATE_PUBLIC_INPUT,
                        List.of("Contract review and meeting summaries are paused"))));

        String shown = again.view().getBlocks().toString();
        assertTrue(shown.contains("The text for customers changed"), shown);
        assertTrue(shown.contains("Contract review and meeting summaries are paused"), shown);
    }

    @Test
    void anEmptyUpdateFormOrAnOverlongPartIsShownUnderItsInput() {
        assertEquals(new SubmissionReply.Errors(Map.of(Interactions.UPDATE_INPUT, "Write the update.")),
                interactions.submit(Interactions.UPDATE_MODAL, "INC-3", Map.of(Interactions.UPDATE_INPUT,
                        List.of(" "), Interactions.UPDATE_PUBLIC_INPUT, List.of(""))));
        assertEquals(new SubmissionReply.Errors(Map.of(Interactions.UPDATE_PUBLIC_INPUT,
                        "At most " + TextLimits.TEXT + " characters.")),
                interactions.submit(Interactions.UPDATE_MODAL, "INC-3", Map.of(Interactions.UPDATE_PUBLIC_INPUT,
                        List.of("x".repeat(TextLimits.TEXT + 1)))));
    }

    @Test
    void aFormsMistakesAreShownUnderTheInputThatWasWrong() {
        assertEquals(new SubmissionReply.Errors(Map.of(Interactions.TARGETS_INPUT, "Choose at least one.")),
                interactions.submit(Interactions.DECLARE_MODAL, null, Map.of()));
        assertEquals(new SubmissionReply.Errors(Map.of(Interactions.TARGETS_INPUT,
                        "claude-opus-4-9 is no longer in Detour's configuration; open the form again.")),
                interactions.submit(Interactions.DECLARE_MODAL, null,
                        Map.of(Interactions.TARGETS_INPUT, List.of("model:claude-opus-4-9"))));
        assertEquals(new SubmissionReply.Errors(Map.of(Interactions.TARGETS_INPUT, "Unknown choice planet:mars")),
                interactions.submit(Interactions.DECLARE_MODAL, null,
                        Map.of(Interactions.TARGETS_INPUT, List.of("planet:mars"))));
        assertEquals(new SubmissionReply.Errors(Map.of(Interactions.KIND_INPUT, "Unknown kind apocalypse")),
                interactions.submit(Interactions.DECLARE_MODAL, null, Map.of(Interactions.TARGETS_INPUT,
                        List.of("model:gpt-5"), Interactions.KIND_INPUT, List.of("apocalypse"))));
        assertEquals(new SubmissionReply.Errors(Map.of(Interactions.REASON_INPUT,
                        "At most " + TextLimits.TITLE + " characters.")),
                interactions.submit(Interactions.DECLARE_MODAL, null, Map.of(Interactions.TARGETS_INPUT,
                        List.of("model:gpt-5"), Interactions.REASON_INPUT, List.of("x".repeat(TextLimits.TITLE + 1)))));
        assertEquals(new SubmissionReply.Errors(Map.of(Interactions.UPDATE_INPUT, "Write the update.")),
                interactions.submit(Interactions.UPDATE_MODAL, "INC-3", Map.of(Interactions.UPDATE_INPUT,
                        List.of("   "))));
        assertEquals(new SubmissionReply.Errors(Map.of(Interactions.SUMMARY_INPUT,
                        "At most " + TextLimits.TEXT + " characters.")),
                interactions.submit(Interactions.RESOLVE_MODAL, "INC-3", Map.of(Interactions.SUMMARY_INPUT,
                        List.of("x".repeat(TextLimits.TEXT + 1)))));
    }

    @Test
    void aFormThatLostItsIncidentOrIsUnknownClosesWithAnAnswerAndDoesNothing() {
        SubmissionReply lost = interactions.submit(Interactions.UPDATE_MODAL, "", Map.of(Interactions.UPDATE_INPUT,
                List.of("hello")));
        SubmissionReply unknown = interactions.submit("detour.no-such-form", "INC-3", Map.of());

        assertTrue(CommandHandlerTest.text(assertInstanceOf(SubmissionReply.Close.class, lost).followUp())
                .contains("lost its incident"));
        assertTrue(CommandHandlerTest.text(assertInstanceOf(SubmissionReply.Close.class, unknown).followUp())
                .contains("does not know the form `detour.no-such-form`"));
        assertEquals(List.of(), operations.changes);
    }
}
