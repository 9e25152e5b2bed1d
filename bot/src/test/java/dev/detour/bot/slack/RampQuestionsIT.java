package dev.detour.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.application.SignalService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.Resolution;
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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ramp's questions end to end, over signed requests and a fake Slack served over HTTP (docs/recovery.md): the
 * rollback asks Retry ramp / Keep off and is edited once settled, by its button, by {@code /detour ramp}, or by the
 * incident's resolution; the live Pause / Abort / Complete buttons are the root message's, never a step reply's.
 * OpenAI's recovery is staged here (steps 10, 50, 100); the ramp moves only when something moves it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RampQuestionsIT implements TestPropertyProvider {
    private static final String ALICE = SignedSlack.ALICE;
    private static final String CHANNEL = "C0INCIDENTS";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Target GPT = Target.model(SeedCatalog.GPT_5);

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);

    @Inject EmbeddedServer server;
    @Inject CleanSlate cleanSlate;
    @Inject AvailabilityService availability;
    @Inject IncidentService incidents;
    @Inject SignalService signals;
    @Inject StatusService status;

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
        slack.clear(); // earlier tests' threads are not this test's
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

    private Optional<RampShare> ramp() {
        return status.current().rampOf(GPT);
    }

    /** GPT-5 was switched off and is enabled again: its ramp starts at 10%. */
    private void rampStarted() {
        availability.disable(List.of(GPT), Actor.user(ALICE), Optional.of("elevated 529s"));
        String answer = command("enable gpt-5 -- looks healthy again");
        assertTrue(answer.contains("10% of traffic"), answer);
        assertEquals(10, ramp().orElseThrow().percent());
    }

    /** An alert says GPT-5 fails again: the ramp rolls back and asks. @return the question's ts */
    private String rolledBack() {
        rampStarted();
        signals.receive(new Signal("alertmanager", List.of(GPT), true, Signal.Severity.DEGRADED,
                Signal.Side.PROVIDER, new SignalEvidence.GatewayErrors(new SignalEvidence.GatewayNumbers(0.4, 40,
                100, Duration.ofSeconds(60), 0, 900), false), Instant.now()));
        assertEquals(0, ramp().orElseThrow().percent());
        JsonNode asked = thread().replyWith(Interactions.RAMP_RETRY);
        assertTrue(asked.path("text").asText().contains("GPT-5 is back to 0% of traffic"), asked.toString());
        assertTrue(asked.path("text").asText().endsWith("Retry the ramp or keep it off?"), asked.toString());
        assertTrue(asked.path("blocks").toString().contains(Interactions.RAMP_KEEP_OFF), asked.toString());
        return asked.path("ts").asText();
    }

    private ChannelThreads thread() {
        return new ChannelThreads(slack, CHANNEL, WAIT);
    }

    @Test
    void retryRampPressedIsEditedInPlaceWithWhoRetriedAndLosesItsButtons() {
        String ts = rolledBack();

        String answer = press(Interactions.RAMP_RETRY, "model:gpt-5");

        assertTrue(answer.contains("coming back again: 10% of traffic"), answer);
        JsonNode edited = thread().awaitEdited(ts, "Retried by <@U0ALICE> at");
        assertTrue(edited.path("text").asText().contains("ramp back at 10%"), edited.toString());
        assertTrue(edited.path("text").asText().contains("GPT-5 is back to 0% of traffic"), "its words stay");
        assertFalse(edited.path("text").asText().contains("Retry the ramp or keep it off?"), edited.toString());
        assertFalse(ChannelThreads.hasButtons(edited), edited.toString());
    }

    @Test
    void keepOffByCommandSettlesTheQuestionAsKeptOff() {
        String ts = rolledBack();

        command("ramp gpt-5 abort -- provider still flaky");

        JsonNode edited = thread().awaitEdited(ts, "Kept off by <@U0ALICE> at");
        assertTrue(edited.path("text").asText().contains("GPT-5 stays off"), edited.toString());
        assertFalse(ChannelThreads.hasButtons(edited), edited.toString());
    }

    @Test
    void resumeByCommandAfterARollbackRetriesAndSettlesTheQuestion() {
        String ts = rolledBack();

        command("ramp gpt-5 resume");

        assertEquals(10, ramp().orElseThrow().percent(), "resume after a rollback is Retry ramp");
        JsonNode edited = thread().awaitEdited(ts, "Retried by <@U0ALICE> at");
        assertFalse(ChannelThreads.hasButtons(edited), edited.toString());
    }

    @Test
    void resolvingTheIncidentLeavesTheRollbackWithoutButtonsAndSaysHowToGoOn() {
        String ts = rolledBack();

        assertInstanceOf(IncidentChange.Applied.class, incidents.resolve(incidents.openIncidentAbout(List.of(GPT))
                .orElseThrow().id(), Actor.user(ALICE), Resolution.summary("Provider fixed.")));

        JsonNode edited = thread().awaitEdited(ts, "Not answered before the incident was resolved");
        assertTrue(edited.path("text").asText().contains("/detour ramp gpt-5 resume"), edited.toString());
        assertFalse(ChannelThreads.hasButtons(edited), edited.toString());
    }

    @Test
    void stepRepliesHaveNoButtonsAndTheRootMessageCarriesTheLiveOnes() {
        rampStarted();

        JsonNode root = Await.await(() -> slack.messagesNow(CHANNEL).stream().filter(m -> !ChannelThreads.isReply(m))
                        .filter(m -> m.path("blocks").toString().contains(Interactions.RAMP_PAUSE)).toList(),
                found -> found.size() == 1, WAIT, "the root message with the ramp's buttons").get(0);
        assertTrue(root.path("blocks").toString().contains(Interactions.RAMP_COMPLETE), root.toString());
        JsonNode started = Await.await(() -> slack.messagesNow(CHANNEL).stream().filter(ChannelThreads::isReply)
                        .filter(m -> m.path("text").asText().contains("coming back step by step")).toList(),
                found -> found.size() == 1, WAIT, "the started reply").get(0);
        assertFalse(ChannelThreads.hasButtons(started), "a step reply is history: " + started);

        command("ramp gpt-5 complete -- looks fine");

        String rootTs = root.path("ts").asText();
        Await.await(() -> thread().message(rootTs), edited -> !edited.path("blocks").toString()
                .contains(Interactions.RAMP_PAUSE), WAIT, "the root message without the ended ramp's buttons");
    }
}
