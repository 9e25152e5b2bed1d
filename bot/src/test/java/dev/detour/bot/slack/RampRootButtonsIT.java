package dev.detour.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.SignalService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.SignalEvidence;
import dev.detour.incidents.testing.Await;
import dev.detour.messages.Interactions;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ramp's buttons on the incident's root message, end to end over signed requests and a fake Slack served over
 * HTTP (docs/recovery.md, "Commands and buttons"): Pause, Resume, Abort and Complete act as {@code /detour ramp}
 * does (the answer, the thread reply, the root edited), a press on a ramp that ended says what it is now, and while a
 * target ramps nothing offers to switch it on. OpenAI's recovery is staged here; its ramps are never ticked.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RampRootButtonsIT implements TestPropertyProvider {
    private static final String ALICE = SignedSlack.ALICE;
    private static final String CHANNEL = "C0INCIDENTS";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Target GPT = Target.model(SeedCatalog.GPT_5);
    private static final String GPT_VALUE = "model:gpt-5";

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);

    @Inject EmbeddedServer server;
    @Inject CleanSlate cleanSlate;
    @Inject StatusService status;
    @Inject SignalService signals;

    @Override
    public Map<String, String> getProperties() {
        return SignedSlack.stagedOpenAiWorkspace(slack); // ramps move only when a test moves them
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    @BeforeEach
    void startFromACleanSlate() {
        cleanSlate.restoreAndAwaitDelivery();
        slack.clear();
    }

    private SignedSlack signed() {
        return new SignedSlack(server.getURI(), slack);
    }

    private String command(String text) {
        return signed().answerTo(ALICE, text);
    }

    private String press(String actionId, String value) {
        return signed().answerToPress(ALICE, actionId, value);
    }

    /** The incident's root message once it reads as {@code expected} says. */
    private JsonNode rootWhen(java.util.function.Predicate<String> expected, String what) {
        return Await.await(() -> slack.messagesNow(CHANNEL).stream().filter(message -> !isReply(message))
                        .filter(message -> expected.test(message.path("blocks").toString())).findFirst(),
                Optional::isPresent, WAIT, "the root message " + what).orElseThrow();
    }

    private static boolean isReply(JsonNode message) {
        return message.has("thread_ts") && !message.path("thread_ts").asText().equals(message.path("ts").asText());
    }

    private void reply(String containing) {
        slack.awaitCall("chat.postMessage", call -> call.param("thread_ts") != null && call.param("text") != null
                && call.param("text").contains(containing), WAIT);
    }

    private Optional<RampShare> ramp() {
        return status.current().rampOf(GPT);
    }

    private boolean gpt5Available() {
        return status.current().models().stream().filter(model -> model.id().equals(SeedCatalog.GPT_5))
                .findFirst().orElseThrow().available();
    }

    private static String action(String action) {
        return action + ":" + GPT_VALUE;
    }

    /** GPT-5 switched off by Alice, then enabled: its ramp starts at 10%. */
    private void gpt5Ramping() {
        command("disable gpt-5 -- elevated 529s");
        assertTrue(command("enable gpt-5").startsWith("GPT-5 is coming back step by step"));
        assertEquals(10, ramp().orElseThrow().percent());
    }

    @Test
    void pauseResumeAndCompleteFromTheRootMessageActAsTheRampCommandsDo() {
        gpt5Ramping();
        JsonNode root = rootWhen(blocks -> blocks.contains(action(Interactions.RAMP_PAUSE)), "with Pause GPT-5");
        assertFalse(root.path("blocks").toString().contains(Interactions.ENABLE + ":gpt-5"),
                "enabling a ramping model starts nothing: " + root);

        String paused = press(action(Interactions.RAMP_PAUSE),
                SignedSlack.buttonValue(root, action(Interactions.RAMP_PAUSE)));

        assertTrue(paused.startsWith("Done: GPT-5 stays at 10% of traffic: ramp paused by <@U0ALICE>"), paused);
        assertEquals(Optional.empty(), ramp().orElseThrow().nextStepAt());
        reply("GPT-5 stays at 10% of traffic: ramp paused by <@U0ALICE>");
        root = rootWhen(blocks -> blocks.contains(action(Interactions.RAMP_RESUME)), "with Resume GPT-5 instead");
        assertFalse(root.path("blocks").toString().contains(action(Interactions.RAMP_PAUSE)), root.toString());

        String resumed = press(action(Interactions.RAMP_RESUME), GPT_VALUE);

        assertTrue(resumed.startsWith("Done: "), resumed);
        assertTrue(ramp().orElseThrow().nextStepAt().isPresent());
        rootWhen(blocks -> blocks.contains(action(Interactions.RAMP_PAUSE)), "with Pause GPT-5 again");

        String completed = press(action(Interactions.RAMP_COMPLETE), GPT_VALUE);

        assertTrue(completed.startsWith("Done: GPT-5 is back: 100% of traffic, completed by <@U0ALICE>"), completed);
        assertTrue(gpt5Available(), "completing switched GPT-5 on");
        assertEquals(Optional.empty(), ramp());
        rootWhen(blocks -> !blocks.contains("detour.ramp-") && !blocks.contains("Coming back step by step"),
                "without the ramp or its buttons");
    }

    @Test
    void aPressOnARampThatAlreadyEndedSaysWhatItIsNowAndChangesNothing() {
        gpt5Ramping();
        JsonNode root = rootWhen(blocks -> blocks.contains(action(Interactions.RAMP_ABORT)), "with Abort GPT-5");
        String value = SignedSlack.buttonValue(root, action(Interactions.RAMP_ABORT));

        String aborted = press(action(Interactions.RAMP_ABORT), value);
        assertTrue(aborted.startsWith("Done: "), aborted);
        assertFalse(gpt5Available(), "an aborted ramp leaves GPT-5 off");
        rootWhen(blocks -> blocks.contains(Interactions.ENABLE + ":gpt-5") && !blocks.contains("detour.ramp-"),
                "offering Enable again, without ramp buttons");

        String stale = press(action(Interactions.RAMP_PAUSE), value); // the old root's button, pressed late

        assertEquals("The ramp of GPT-5 is aborted: `pause` does not apply now.", stale);
        assertFalse(gpt5Available());
        assertEquals(Optional.empty(), ramp());
    }

    @Test
    void aHealthyAgainQuestionIsSettledWhenARampStartsForItsModel() {
        command("disable gpt-5 -- elevated 529s");
        signals.receive(recovered(GPT));
        JsonNode question = Await.await(() -> slack.messagesNow(CHANNEL).stream().filter(RampRootButtonsIT::isReply)
                        .filter(message -> message.path("blocks").toString().contains(Interactions.ENABLE + ":gpt-5"))
                        .findFirst(), Optional::isPresent, WAIT, "the question to switch GPT-5 back on").orElseThrow();
        String ts = question.path("ts").asText();

        command("enable gpt-5");

        slack.awaitCall("chat.update", call -> ts.equals(call.param("ts"))
                && call.param("text").contains("GPT-5: coming back step by step, started by <@U0ALICE>"), WAIT);
        JsonNode edited = slack.messagesNow(CHANNEL).stream().filter(m -> m.path("ts").asText().equals(ts))
                .findFirst().orElseThrow();
        assertFalse(edited.path("blocks").toString().contains("\"actions\""),
                "no button is left that would start nothing: " + edited);
    }

    private static Signal recovered(Target target) {
        return new Signal("gateway", List.of(target), false, Signal.Severity.DOWN, Signal.Side.PROVIDER,
                new SignalEvidence.GatewayErrors(new SignalEvidence.GatewayNumbers(0.0, 0, 320,
                        Duration.ofSeconds(60), 0, 900), false), Instant.now());
    }
}
