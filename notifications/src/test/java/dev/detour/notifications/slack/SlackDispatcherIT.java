package dev.detour.notifications.slack;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.audit.Actor;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.Target;
import dev.detour.incidents.service.AuditTrail;
import dev.detour.incidents.service.IncidentService;
import dev.detour.incidents.service.IncidentThreads;
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
        Map<String, String> properties = new HashMap<>();
        TestDatabase.h2().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put("slack.bot-token", TOKEN);
        properties.put("slack.api-url", slack.apiUrl());
        properties.put("detour.outbox.first-poll", "1h"); // the tests dispatch by hand
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @BeforeEach
    void drain() {
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();
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
        dispatcher.dispatchDue();

        assertTrue(FakeSlack.blocksOf(root).toString().contains(incident.id() + " · Outage · investigating"));
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
        incidents.postUpdate(incident.id(), "watching", Actor.user("U0ALICE"));

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
        assertTrue(records.stream().anyMatch(stored -> stored.record().action().equals("slack.root.failed")
                && stored.record().reason().orElse("").equals("channel_not_found")), records::toString);
    }

}
