package dev.detour.notifications.slack;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.outbox.OutboxEntry;
import dev.detour.incidents.persistence.OutboxRepository;
import dev.detour.incidents.persistence.OutboxTable;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.ports.IncidentThreads;
import dev.detour.incidents.ports.OutboxQueue;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls to Slack whose outcome Detour does not learn: Slack answers after the client gave up, the connection closes
 * without an answer, or the database fails to record Slack's answer. Each post still appears once: the row is
 * looked up by its metadata in the channel's history before it is posted again. On the business clock, dispatched
 * by hand; Slack's timeout is shortened to 1 s (production: 10 s) and its slowness scaled with it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnansweredSlackCallsIT implements TestPropertyProvider {
    private static final String SPEC = "UnansweredSlackCallsIT";
    private static final String TOKEN = "xoxb-1234567890-0987654321-abcdefghijklmnopqrstuvwx";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final FakeSlack slack = FakeSlack.start(TOKEN);

    @Inject
    SlackDispatcher dispatcher;
    @Inject
    IncidentService incidents;
    @Inject
    IncidentThreads threads;
    @Inject
    MovableClock clock;
    @Inject
    OutboxRepository outbox;
    @Inject
    FailingCommits commits;

    @Override
    public Map<String, String> getProperties() {
        for (String channel : List.of("C0INCIDENTS", "C0SUPPORT", "C0MANAGERS")) {
            slack.addChannel(channel, true);
        }
        Map<String, String> properties = new HashMap<>();
        TestDatabase.h2().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put("spec.name", SPEC);
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put("slack.bot-token", TOKEN);
        properties.put("slack.api-url", slack.apiUrl());
        properties.put("detour.outbox.first-poll", "1h"); // the tests dispatch by hand
        properties.put("detour.slack.burst", "1000");     // pacing has its own test
        properties.put("detour.slack.timeout", TIMEOUT.toMillis() + "ms");
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @BeforeEach
    void drain() {
        slack.clearFaults();
        commits.failNextSentOf.set(null);
        incidents.openIncidents().forEach(other -> incidents.resolve(other.id(), Actor.user("U0ALICE"), "test over"));
        deliverEverything();
        slack.clear();
    }

    private void deliverEverything() {
        for (int round = 0; round < 5; round++) {
            clock.advance(Duration.ofHours(1));
            while (dispatcher.dispatchDue() > 0) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
    }

    private Incident open(String title) {
        IncidentChange change = incidents.open(IncidentKind.OUTAGE, title, List.of(Target.model(SeedCatalog.GPT_5)),
                Actor.user("U0ALICE"));
        return assertInstanceOf(IncidentChange.Applied.class, change).incident();
    }

    /** Each post Slack shows, keyed by where it is and what it says, with how many times Slack has it. */
    private Map<String, Long> copies() {
        return slack.calls("chat.postMessage").stream().filter(FakeSlack.Call::ok).collect(Collectors.groupingBy(
                call -> call.param("channel") + "|" + call.param("thread_ts") + "|" + call.param("text"),
                Collectors.counting()));
    }

    private long pendingSlackRows() {
        return outbox.findByStatusOrderById("pending").stream().filter(row -> row.topic().startsWith("slack."))
                .count();
    }

    @Test
    void whenSlackAnswersEveryChatCallAfterTheTimeoutEachPostAppearsOnce() {
        slack.slowChat(TIMEOUT.plusMillis(500));
        Incident incident = open("Slack is slow");
        incidents.changeState(incident.id(), IncidentState.IDENTIFIED, Actor.user("U0ALICE"));
        incidents.postUpdate(incident.id(), UpdateText.forCustomers("fallback holds"), Actor.user("U0ALICE"));

        for (int round = 0; round < 8; round++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofSeconds(5)); // past the lease: unanswered posts are looked up now
        }
        slack.clearFaults(); // edits are retried until Slack answers in time; posts never needed that
        deliverEverything();

        assertEquals(0, pendingSlackRows(), "everything delivered");
        // The root, the update's reply and the support post (the state change is an edit of the root only).
        assertTrue(copies().size() >= 3, copies()::toString);
        copies().forEach((post, count) -> assertEquals(1L, count, "posted once: " + post));
        String ts = threads.of(incident.id()).orElseThrow().ts();
        assertTrue(slack.messagesIn("C0INCIDENTS").stream().anyMatch(call -> ts.equals(call.param("thread_ts"))
                && call.param("text").contains("fallback holds")), "the update is in the root's thread");
        assertTrue(slack.calls("chat.postMessage").stream().allMatch(call -> call.param("metadata") != null
                && call.param("metadata").contains(PostMark.EVENT_TYPE)), "every post is marked");
    }

    @Test
    void whenTheConnectionClosesWithoutAnAnswerEachPostAppearsOnce() {
        slack.closeChat();
        Incident incident = open("Slack hangs up");
        incidents.postUpdate(incident.id(), UpdateText.forCustomers("still on it"), Actor.user("U0ALICE"));

        for (int round = 0; round < 8; round++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofSeconds(5));
        }
        slack.clearFaults();
        deliverEverything();

        assertEquals(0, pendingSlackRows());
        assertTrue(copies().size() >= 3, copies()::toString);
        copies().forEach((post, count) -> assertEquals(1L, count, "posted once: " + post));
    }

    @Test
    void aDatabaseFailureAfterSlackTookThePostDoesNotPostItAgainAfterRecovery() {
        Incident incident = open("database drops the commit");
        dispatcher.dispatchDue();
        commits.failNextSentOf.set(SlackKind.REPLY.topic());
        incidents.postUpdate(incident.id(), UpdateText.forCustomers("switching to GPT-5"), Actor.user("U0ALICE"));

        assertThrows(IllegalStateException.class, dispatcher::dispatchDue, "the database failed");
        String ts = threads.of(incident.id()).orElseThrow().ts();
        assertEquals(1, slack.messagesIn("C0INCIDENTS").stream().filter(call -> ts.equals(call.param("thread_ts")))
                .count(), "Slack has the reply");
        clock.advance(Duration.ofSeconds(5)); // the database is back and the lease has passed
        deliverEverything();

        copies().forEach((post, count) -> assertEquals(1L, count, "posted once: " + post));
        assertEquals(1, slack.calls("conversations.replies").size(), "looked up in the thread instead");
        assertEquals(0, pendingSlackRows());
    }

    /** The database fails to record one delivery, as when PostgreSQL goes away between Slack's answer and commit. */
    @Singleton
    @Replaces(OutboxTable.class)
    @Requires(property = "spec.name", value = SPEC)
    static class FailingCommits extends OutboxTable {
        /** The topic whose next delivery fails to commit, or null. */
        final AtomicReference<String> failNextSentOf = new AtomicReference<>();

        FailingCommits(OutboxRepository rows, AuditTrail audit, Clock clock) {
            super(rows, audit, clock);
        }

        @Override
        @Transactional
        public void sent(OutboxEntry row, List<AuditRecord> records) {
            String failing = failNextSentOf.get();
            // compareAndSet compares references: with the one just read, not with the row's (another String).
            if (row.topic().equals(failing) && failNextSentOf.compareAndSet(failing, null)) {
                throw new IllegalStateException("connection to the database lost");
            }
            super.sent(row, records);
        }
    }
}
