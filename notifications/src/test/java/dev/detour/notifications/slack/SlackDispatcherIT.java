package dev.detour.notifications.slack;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.ports.IncidentThreads;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.SignalEvidence;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Slack side of the outbox against a fake Slack: threads, edits in place, Slack's refusals and limits. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackDispatcherIT implements TestPropertyProvider {
    private static final String TOKEN = "xoxb-1234567890-0987654321-abcdefghijklmnopqrstuvwx";

    private final FakeSlack slack = FakeSlack.start(TOKEN);

    @Inject
    SlackDispatcher dispatcher;
    @Inject
    IncidentService incidents;
    @Inject
    IncidentThreads threads;
    @Inject
    AuditTrail audit;
    @Inject
    MovableClock clock;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        slack.addChannel("C0SUPPORT", false); // public, but Detour was never invited: it joins
        // C0MANAGERS does not exist: the summary cannot be delivered
        Map<String, String> properties = new HashMap<>();
        TestDatabase.h2().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put("slack.bot-token", TOKEN);
        properties.put("slack.api-url", slack.apiUrl());
        properties.put("detour.outbox.first-poll", "1h"); // the tests dispatch by hand
        properties.put("detour.slack.burst", "1000");     // pacing has its own test
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @BeforeEach
    void drain() {
        incidents.openIncidents().forEach(other -> incidents.resolve(other.id(), Actor.user("U0ALICE"), "test over"));
        // Earlier tests' rows (and the notes their failures add) go out now, so each test sees only its own.
        for (int round = 0; round < 5; round++) {
            clock.advance(Duration.ofHours(1));
            while (dispatcher.dispatchDue() > 0) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
        slack.clear();
    }

    private Incident open(String title) {
        IncidentChange change = incidents.open(IncidentKind.OUTAGE, title, List.of(Target.model(SeedCatalog.GPT_5)),
                Actor.user("U0ALICE"));
        return assertInstanceOf(IncidentChange.Applied.class, change).incident();
    }

    @Test
    void theFirstChangePostsTheRootAndLaterOnesEditItAndReplyInItsThread() {
        Incident incident = open("GPT-5 errors");
        dispatcher.dispatchDue();

        FakeSlack.Call root = slack.messagesIn("C0INCIDENTS").get(0);
        String ts = threads.of(incident.id()).orElseThrow().ts();
        incidents.changeState(incident.id(), IncidentState.IDENTIFIED, Actor.user("U0ALICE"));
        incidents.postUpdate(incident.id(), UpdateText.internalOnly("OpenAI confirms the errors"), Actor.user("U0ALICE"));
        dispatcher.dispatchDue();

        assertTrue(FakeSlack.blocksOf(root).toString().contains(incident.id() + " · investigating"));
        FakeSlack.Call edit = slack.calls("chat.update").get(0);
        assertEquals(ts, edit.param("ts"));
        assertTrue(FakeSlack.blocksOf(edit).toString().contains("identified"));
        assertTrue(slack.messagesIn("C0INCIDENTS").stream().anyMatch(call -> ts.equals(call.param("thread_ts"))));
    }

    @Test
    void editsWaitingTogetherBecomeOneEdit() {
        Incident incident = open("GPT-5 latency");
        dispatcher.dispatchDue();
        incidents.changeState(incident.id(), IncidentState.IDENTIFIED, Actor.user("U0ALICE"));
        clock.advance(Duration.ofSeconds(1));
        incidents.changeState(incident.id(), IncidentState.MONITORING, Actor.user("U0ALICE"));
        clock.advance(Duration.ofSeconds(1));
        incidents.postUpdate(incident.id(), UpdateText.forCustomers("watching"), Actor.user("U0ALICE"));

        dispatcher.dispatchDue();

        assertEquals(1, slack.calls("chat.update").size());
        assertTrue(FakeSlack.blocksOf(slack.calls("chat.update").get(0)).toString().contains("monitoring"));
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertEquals(1, slack.calls("chat.update").size(), "the folded edits are not sent later");
    }

    @Test
    void aRateLimitedPostWaitsForRetryAfter() {
        slack.rateLimitNext("chat.postMessage", 3);
        Incident incident = open("rate limited");

        dispatcher.dispatchDue();
        assertTrue(threads.of(incident.id()).isEmpty());
        clock.advance(Duration.ofSeconds(2));
        dispatcher.dispatchDue();
        assertTrue(threads.of(incident.id()).isEmpty(), "not before Retry-After");
        clock.advance(Duration.ofSeconds(2));
        dispatcher.dispatchDue();

        assertTrue(threads.of(incident.id()).isPresent());
        assertEquals(429, slack.calls("chat.postMessage").get(0).httpStatus());
    }

    @Test
    void aServerErrorIsRetriedWithBackoff() {
        slack.failNextWithStatus("chat.postMessage", 503);
        Incident incident = open("slack hiccup");

        dispatcher.dispatchDue();
        assertTrue(threads.of(incident.id()).isEmpty());
        clock.advance(Duration.ofSeconds(3));
        dispatcher.dispatchDue();

        assertTrue(threads.of(incident.id()).isPresent());
    }

    @Test
    void aPermanentRefusalIsMarkedFailedAndAudited() {
        slack.failNext("chat.postMessage", "channel_not_found");
        Incident incident = open("wrong channel");

        dispatcher.dispatchDue();

        assertTrue(threads.of(incident.id()).isEmpty());
        var records = audit.search(AuditQuery.everything().forIncident(incident.id()));
        assertTrue(records.stream().anyMatch(stored -> stored.record().action()
                .equals(AuditAction.deliveryFailed(SlackKind.ROOT_REFRESH.topic()))
                && stored.record().reason().orElse("").equals("channel_not_found")), records::toString);
    }


    @Test
    void twentyRapidStateChangesAreOneRootPostAndAFewEditsEndingInTheFinalState() {
        Incident incident = open("flapping states");
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMillis(100));
            incidents.changeState(incident.id(), i % 2 == 0 ? IncidentState.IDENTIFIED : IncidentState.MONITORING,
                    Actor.user("U0ALICE"));
            if (i % 7 == 0) {
                dispatcher.dispatchDue(); // some dispatches happen while the changes still come
            }
        }
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        long roots = slack.messagesIn("C0INCIDENTS").stream().filter(call -> call.param("thread_ts") == null
                && FakeSlack.blocksOf(call).toString().contains(incident.id() + " · ")).count();
        assertEquals(1, roots);
        var edits = slack.calls("chat.update");
        assertTrue(edits.size() <= 4, edits.size() + " edits");
        assertTrue(FakeSlack.blocksOf(edits.get(edits.size() - 1)).toString().contains("· monitoring"));
    }

    @Test
    void aPublicChannelDetourIsNotInIsJoinedAndThePostSentOnce() {
        availabilityOff(SeedCatalog.OPUS_48);
        dispatcher.dispatchDue();

        assertEquals(1, slack.calls("conversations.join").size());
        assertEquals("C0SUPPORT", slack.calls("conversations.join").get(0).param("channel"));
        assertEquals(1, slack.messagesIn("C0SUPPORT").size());
        String support = FakeSlack.textOf(slack.messagesIn("C0SUPPORT").get(0));
        assertTrue(support.contains("Meeting summaries") || support.contains("Code migration plans"), support);
        availabilityOn(SeedCatalog.OPUS_48);
    }

    @Test
    void aPostThatCannotBeDeliveredIsAuditedAndNotedInTheIncidentThread() {
        Incident incident = open("summary to a channel that does not exist");
        dispatcher.dispatchDue();
        incidents.resolve(incident.id(), Actor.user("U0ALICE"), "done");
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        String ts = threads.of(incident.id()).orElseThrow().ts();
        assertTrue(slack.messagesIn("C0INCIDENTS").stream().anyMatch(call -> ts.equals(call.param("thread_ts"))
                && call.param("text").contains("could not post to <#C0MANAGERS>")
                && call.param("text").contains("channel_not_found")));
        var records = audit.search(AuditQuery.everything().forIncident(incident.id()));
        assertTrue(records.stream().anyMatch(stored -> stored.record().action()
                .equals(AuditAction.deliveryFailed(SlackKind.SUMMARY.topic()))));
    }

    @Test
    void aRepeatedSignalIsOneReplyAndACounterOnTheRootMessage() {
        Incident incident = open("our key refused");
        dispatcher.dispatchDue();
        Signal refused = new Signal("alertmanager", List.of(Target.model(SeedCatalog.GPT_5)), true,
                Signal.Severity.DOWN, Signal.Side.OUR_SIDE, new SignalEvidence.Alert("KeyRefused",
                "401 from OpenAI: our key is refused"), clock.instant());
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(1));
            signals.receive(refused);
        }
        dispatcher.dispatchDue();

        String ts = threads.of(incident.id()).orElseThrow().ts();
        assertEquals(1, slack.messagesIn("C0INCIDENTS").stream().filter(call -> ts.equals(call.param("thread_ts"))
                && call.param("text").contains("our key is refused")).count(), "one reply");
        var edits = slack.calls("chat.update");
        assertTrue(FakeSlack.blocksOf(edits.get(edits.size() - 1)).toString().contains("Alertmanager ×3"),
                () -> FakeSlack.blocksOf(edits.get(edits.size() - 1)).toString());
    }

    @Test
    void whenUsersAreAffectedAndSupportHearsNothingForThirtyMinutesOnCallIsNudgedOnce() {
        availabilityOff(SeedCatalog.OPUS_48); // opens an incident; task classes fall back or pause
        dispatcher.dispatchDue();
        Incident incident = incidents.openIncidents().get(0);
        String ts = threads.of(incident.id()).orElseThrow().ts();

        clock.advance(Duration.ofMinutes(29));
        assertEquals(0, nudges.nudgeDue(), "not before 30 minutes");
        clock.advance(Duration.ofMinutes(2));
        nudges.nudgeDue();
        nudges.nudgeDue();
        dispatcher.dispatchDue();

        var nudged = slack.messagesIn("C0INCIDENTS").stream().filter(call -> ts.equals(call.param("thread_ts"))
                && call.param("text").contains("support has had no update for 31m")).toList();
        assertEquals(1, nudged.size(), "once per silence");
        assertTrue(FakeSlack.blocksOf(nudged.get(0)).toString().contains(dev.detour.messages.Interactions.POST_UPDATE));

        incidents.postUpdate(incident.id(), UpdateText.forCustomers("fallbacks hold"), Actor.user("U0ALICE"));
        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, nudges.nudgeDue(), "an update restarts the wait");
        availabilityOn(SeedCatalog.OPUS_48);
        incidents.resolve(incident.id(), Actor.user("U0ALICE"), "back");
        dispatcher.dispatchDue();
    }

    @Inject
    dev.detour.incidents.application.SignalService signals;
    @Inject
    SupportUpdateNudges nudges;
    @Inject
    dev.detour.incidents.application.AvailabilityService availability;

    private void availabilityOff(dev.detour.incidents.catalog.ModelId model) {
        availability.disable(List.of(Target.model(model)), Actor.user("U0ALICE"), java.util.Optional.of("test"));
    }

    private void availabilityOn(dev.detour.incidents.catalog.ModelId model) {
        availability.enable(List.of(Target.model(model)), Actor.user("U0ALICE"), java.util.Optional.of("test"));
        dispatcher.dispatchDue();
    }
}
