package dev.detour.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.application.RouteService;
import dev.detour.incidents.application.SignalService;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.Resolution;
import dev.detour.incidents.jobs.ConsentTimeouts;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.SignalEvidence;
import dev.detour.incidents.testing.Await;
import dev.detour.messages.Interactions;
import dev.detour.notifications.slack.ResolveSuggestions;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Questions in an incident's thread end to end, over signed requests and a fake Slack served over HTTP: each is
 * posted once, edited in place with {@code chat.update} when it is answered, times out or is overtaken, and no
 * button is left in the thread once the incident is resolved (docs/slack.md, "Questions").
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionsIT implements TestPropertyProvider {
    static final String ALICE = SignedSlack.ALICE;
    static final String CHANNEL = "C0INCIDENTS";
    static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);

    @Inject
    EmbeddedServer server;
    @Inject
    CleanSlate cleanSlate;
    @Inject
    IncidentService incidents;
    @Inject
    RouteService routes;
    @Inject
    SignalService signals;
    @Inject
    ResolveSuggestions resolveSuggestions;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel(CHANNEL, true);
        slack.addChannel("C0SUPPORT", true);
        slack.addChannel("C0MANAGERS", true);
        Map<String, String> properties = new HashMap<>(SignedSlack.properties(slack));
        properties.put("detour.slack.burst", "100");
        properties.put("detour.questions.resolve-after", "0s"); // suggestDue() decides when the test calls it
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    @BeforeEach
    void startFromACleanSlate() {
        cleanSlate.restoreAndAwaitDelivery();
    }

    private SlackRequests requests() {
        return new SlackRequests(server.getURI(), SignedSlack.SIGNING_SECRET);
    }

    /** Alice switched Claude Opus 4.7 off: code migration plans wait for consent to move to GPT-5. */
    private String consentQuestionAsked() {
        String responseUrl = slack.newResponseUrl();
        assertEquals(200, requests().command(ALICE, "disable claude-opus-4-7 -- elevated 529s", responseUrl)
                .statusCode());
        slack.awaitResponse(response -> response.url().equals(responseUrl), WAIT);
        return thread().replyWith(Interactions.CONSENT_APPROVE).path("ts").asText();
    }

    private ChannelThreads thread() {
        return new ChannelThreads(slack, CHANNEL, WAIT);
    }

    private String pressAndAwaitAnswer(String actionId, String value) {
        String responseUrl = slack.newResponseUrl();
        assertEquals(200, requests().blockAction(ALICE, actionId, value, responseUrl).statusCode());
        return slack.awaitResponse(response -> response.url().equals(responseUrl), WAIT).body().path("text")
                .asText();
    }

    @Test
    void aConsentQuestionAnsweredByItsButtonIsEditedInPlaceAndLosesItsButtons() {
        String ts = consentQuestionAsked();
        assertTrue(ChannelThreads.hasButtons(thread().message(ts)));

        pressAndAwaitAnswer(Interactions.CONSENT_APPROVE, "code-migration");

        JsonNode edited = thread().awaitEdited(ts, "Approved by <@U0ALICE>");
        assertTrue(edited.path("text").asText().contains("*Code migration plans* now on GPT-5"), edited.toString());
        assertFalse(ChannelThreads.hasButtons(edited), edited.toString());
    }

    @Test
    void aQuestionNobodyAnsweredIsEditedWhenItTimesOutAndOffersTheMoveUntilSomeoneMakesIt() {
        String ts = consentQuestionAsked();

        routes.consentTimedOut(SeedCatalog.CODE_MIGRATION, ConsentAnswer.DENY, ConsentTimeouts.POLICY);

        JsonNode expired = thread().awaitEdited(ts, "Nobody answered in 15m");
        assertTrue(expired.path("text").asText().contains("stays paused"), expired.toString());
        assertTrue(expired.path("blocks").toString().contains("Move to GPT-5 now"), expired.toString());

        pressAndAwaitAnswer(Interactions.MOVE_NOW, "code-migration gpt-5");

        JsonNode moved = thread().awaitEdited(ts, "<@U0ALICE> decided");
        assertFalse(ChannelThreads.hasButtons(moved), moved.toString());
    }

    @Test
    void aPressOnASettledQuestionIsAnsweredWithWhatHappenedAndTheWayForward() {
        String ts = consentQuestionAsked();
        pressAndAwaitAnswer(Interactions.CONSENT_APPROVE, "code-migration");
        thread().awaitEdited(ts, "Approved by");

        String answer = pressAndAwaitAnswer(Interactions.CONSENT_APPROVE, "code-migration");

        assertEquals("*Code migration plans* already moved to GPT-5 by <@U0ALICE>; to move it back: "
                + "`/detour route code-migration auto`", answer);
    }

    @Test
    void aSwitchItOffSomeoneActedOnByCommandSaysWhoDidWhat() {
        signals.receive(failing(Target.model(SeedCatalog.OPUS_48)));
        String ts = thread().replyWith(Interactions.DISABLE + ":claude-opus-4-8").path("ts").asText();
        assertTrue(thread().message(ts).path("text").asText().contains("Switch it off?"));

        String responseUrl = slack.newResponseUrl();
        requests().command(ALICE, "disable claude-opus-4-8", responseUrl);

        JsonNode edited = thread().awaitEdited(ts, "switched off by <@U0ALICE>");
        assertFalse(ChannelThreads.hasButtons(edited), edited.toString());
    }

    @Test
    void aSwitchItOffAboutAModelIsSettledWhenSomeoneSwitchesItsProviderOff() {
        signals.receive(failing(Target.model(SeedCatalog.OPUS_48)));
        String ts = thread().replyWith(Interactions.DISABLE + ":claude-opus-4-8").path("ts").asText();

        new SignedSlack(server.getURI(), slack).commandAndPress(ALICE, "disable anthropic", Interactions.CONFIRM);

        JsonNode edited = thread().awaitEdited(ts, "Claude Opus 4.8: switched off by <@U0ALICE>");
        assertFalse(ChannelThreads.hasButtons(edited), edited.toString());
    }

    @Test
    void resolvingTheIncidentLeavesNoButtonOnAnyMessageOfItsThread() {
        String ts = consentQuestionAsked();
        signals.receive(failing(Target.model(SeedCatalog.OPUS_48)));
        thread().replyWith(Interactions.DISABLE + ":claude-opus-4-8");
        Incident incident = incidents.openIncidentAbout(List.of(Target.model(SeedCatalog.OPUS_47))).orElseThrow();

        assertInstanceOf(IncidentChange.Applied.class, incidents.resolve(incident.id(), Actor.user(ALICE),
                Resolution.summary("Anthropic recovered.")));

        thread().awaitEdited(ts, "Not answered before the incident was resolved");
        String rootTs = thread().message(ts).path("thread_ts").asText();
        Await.await(() -> slack.messagesNow(CHANNEL).stream()
                        .filter(m -> rootTs.equals(m.path("thread_ts").asText()) && !rootTs.equals(m.path("ts").asText()))
                        .filter(ChannelThreads::hasButtons).map(m -> m.path("text").asText()).toList(),
                List::isEmpty, WAIT, "no reply in the resolved incident's thread with buttons");
    }

    @Test
    void onceEveryFeatureIsBackDetourSuggestsMonitoringThenResolvingAndEditsEachWhenTaken() {
        String consent = consentQuestionAsked();
        String id = incidents.openIncidentAbout(List.of(Target.model(SeedCatalog.OPUS_47))).orElseThrow().id()
                .toString();
        String responseUrl = slack.newResponseUrl();
        requests().command(ALICE, "enable claude-opus-4-7", responseUrl);

        thread().awaitEdited(consent, "No answer needed any more");
        String monitor = thread().replyWith("Move to Monitoring").path("ts").asText();
        requests().command(ALICE, "disable claude-opus-4-7", slack.newResponseUrl());
        Await.await(() -> ChannelThreads.hasButtons(thread().message(monitor)), has -> !has, WAIT,
                "no Move to Monitoring while a feature is off its usual model again");
        requests().command(ALICE, "enable claude-opus-4-7", slack.newResponseUrl());
        Await.await(() -> ChannelThreads.hasButtons(thread().message(monitor)), has -> has, WAIT,
                "Move to Monitoring once all are back");
        pressAndAwaitAnswer(Interactions.CHANGE_STATE, id + " monitoring");
        JsonNode moved = thread().awaitEdited(monitor, "<@U0ALICE> moved the incident to Monitoring");
        assertFalse(ChannelThreads.hasButtons(moved), moved.toString());

        resolveSuggestions.suggestDue();
        String resolve = thread().replyWith("Resolve it?").path("ts").asText();
        JsonNode suggestion = thread().message(resolve);
        assertTrue(suggestion.path("blocks").toString().contains(Interactions.RESOLVE), suggestion.toString());
        incidents.resolve(incidents.openIncidentAbout(List.of(Target.model(SeedCatalog.OPUS_47))).orElseThrow().id(),
                Actor.user(ALICE), Resolution.summary("Anthropic recovered."));
        Await.await(() -> ChannelThreads.hasButtons(thread().message(resolve)), has -> !has, WAIT,
                "the resolve suggestion without buttons");
    }

    private static Signal failing(Target target) {
        return new Signal("gateway", List.of(target), true, Signal.Severity.DOWN, Signal.Side.PROVIDER,
                new SignalEvidence.GatewayErrors(new SignalEvidence.GatewayNumbers(0.41, 131, 320,
                        Duration.ofSeconds(60), 0, 2559), false), Instant.now());
    }
}
