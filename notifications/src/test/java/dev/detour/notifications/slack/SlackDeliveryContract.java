package dev.detour.notifications.slack;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.persistence.OutboxRepository;
import dev.detour.incidents.persistence.OutboxRow;
import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delivery on the real clock, across restarts and with two replicas: nothing is lost, nothing is sent twice, each
 * channel's messages arrive in order. Runs on H2 and on PostgreSQL.
 */
abstract class SlackDeliveryContract {
    private static final String TOKEN = "xoxb-1234567890-0987654321-abcdefghijklmnopqrstuvwx";
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** A fresh database; every context of one test shares it, as replicas share production's. */
    protected abstract Map<String, Object> database();

    private static Map<String, Object> properties(FakeSlack slack, Map<String, Object> database, String firstPoll) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put(SeedConfigFactory.REAL_CLOCK, "true");
        properties.put("slack.bot-token", TOKEN);
        properties.put("slack.api-url", slack.apiUrl());
        properties.put("detour.outbox.poll", "50ms");
        properties.put("detour.outbox.first-poll", firstPoll);
        properties.put("detour.slack.burst", "1000"); // pacing has its own test; here it would only slow things
        return properties;
    }

    @Test
    void aPostRateLimitedWithRetryAfterTwoArrivesOnceAfterTwoSeconds() {
        try (FakeSlack slack = FakeSlack.start(TOKEN);
             ApplicationContext detour = ApplicationContext.run(properties(slack, database(), "0s"))) {
            slack.addChannel("C0INCIDENTS", true);
            slack.rateLimitNext("chat.postMessage", 2);
            long opened = System.nanoTime();
            detour.getBean(IncidentService.class).open(IncidentKind.OUTAGE, "rate limited",
                    List.of(Target.model(SeedCatalog.GPT_5)), Actor.user("U0ALICE"));

            slack.awaitCall("chat.postMessage", call -> call.ok() && call.param("thread_ts") == null, WAIT);
            long millis = (System.nanoTime() - opened) / 1_000_000;

            assertTrue(millis >= 2000, "after " + millis + " ms");
            assertEquals(429, slack.calls("chat.postMessage").get(0).httpStatus());
            assertEquals(1, slack.calls("chat.postMessage").stream().filter(call -> call.ok()
                    && call.param("thread_ts") == null).count(), "posted once");
        }
    }

    @Test
    void rowsCommittedBeforeTheDispatcherStoppedAreDeliveredOnceByTheNextOne() throws Exception {
        Map<String, Object> database = database();
        try (FakeSlack slack = FakeSlack.start(TOKEN)) {
            slack.addChannel("C0INCIDENTS", true);
            slack.addChannel("C0SUPPORT", true);
            try (ApplicationContext first = ApplicationContext.run(properties(slack, database, "1h"))) {
                IncidentService incidents = first.getBean(IncidentService.class);
                var opened = incidents.open(IncidentKind.OUTAGE, "committed, not yet sent",
                        List.of(Target.model(SeedCatalog.GPT_5)), Actor.user("U0ALICE"));
                var id = ((dev.detour.incidents.incident.IncidentChange.Applied) opened).incident().id();
                incidents.changeState(id, IncidentState.IDENTIFIED, Actor.user("U0ALICE"));
                incidents.postUpdate(id, UpdateText.forCustomers("fallback works"), Actor.user("U0ALICE"));
            } // stopped between commit and send: its dispatcher never polled
            assertTrue(slack.calls("chat.postMessage").isEmpty());

            try (ApplicationContext second = ApplicationContext.run(properties(slack, database, "0s"))) {
                slack.awaitCall("chat.postMessage", call -> call.param("text") != null
                        && call.param("text").contains("fallback works"), WAIT);
                awaitNothingPending(second);
            }
            int sent = slack.calls("chat.postMessage").size();
            try (ApplicationContext third = ApplicationContext.run(properties(slack, database, "0s"))) {
                Await.holdsFor(Duration.ofMillis(700), () -> slack.calls("chat.postMessage").size() == sent,
                        "a third start finds nothing left to send");
            }

            List<FakeSlack.Call> posts = slack.calls("chat.postMessage");
            assertTrue(posts.stream().allMatch(FakeSlack.Call::ok), posts::toString);
            assertEquals(1, slack.messagesIn("C0INCIDENTS").stream().filter(call -> call.param("thread_ts") == null)
                    .count(), "one root");
            assertEquals(1, slack.messagesIn("C0INCIDENTS").stream().filter(call -> call.param("text")
                    .contains("fallback works")).count(), "the update once in the thread");
            assertEquals(1, slack.messagesIn("C0SUPPORT").stream().filter(call -> call.param("text")
                    .contains("fallback works")).count(), "and once for support");
            assertEquals(posts.size(), posts.stream().map(call -> call.param("text")).distinct().count(),
                    "nothing twice: " + posts);
        }
    }

    @Test
    void twoReplicasDeliverEveryRowOnceAndEachChannelInOrder() throws Exception {
        Map<String, Object> database = database();
        try (FakeSlack slack = FakeSlack.start(TOKEN)) {
            slack.addChannel("C0INCIDENTS", true);
            slack.addChannel("C0SUPPORT", true);
            slack.addChannel("C0MANAGERS", true);
            List<String> updates = new ArrayList<>();
            try (ApplicationContext one = ApplicationContext.run(properties(slack, database, "0s"));
                 ApplicationContext two = ApplicationContext.run(properties(slack, database, "0s"))) {
                IncidentService incidents = one.getBean(IncidentService.class);
                var opened = incidents.open(IncidentKind.OUTAGE, "two replicas",
                        List.of(Target.model(SeedCatalog.GPT_5)), Actor.user("U0ALICE"));
                var id = ((dev.detour.incidents.incident.IncidentChange.Applied) opened).incident().id();
                for (int i = 1; i <= 15; i++) {
                    String update = "update number " + i + " of 15";
                    updates.add(update);
                    (i % 2 == 0 ? two : one).getBean(IncidentService.class).postUpdate(id, UpdateText.forCustomers(update),
                            Actor.user("U0ALICE"));
                }
                slack.awaitCall("chat.postMessage", call -> call.param("channel").equals("C0SUPPORT")
                        && call.param("text").contains("update number 15 of 15"), WAIT);
                slack.awaitCall("chat.postMessage", call -> call.param("channel").equals("C0INCIDENTS")
                        && call.param("text").contains("update number 15 of 15"), WAIT);
                Await.holdsFor(Duration.ofMillis(500), () -> slack.calls("chat.postMessage").stream()
                        .map(call -> call.param("channel") + "|" + call.param("text")).distinct().count()
                        == slack.calls("chat.postMessage").size(), "no duplicate arrives");
            }

            List<FakeSlack.Call> posts = slack.calls("chat.postMessage");
            assertTrue(posts.stream().allMatch(FakeSlack.Call::ok), posts::toString);
            for (String channel : List.of("C0INCIDENTS", "C0SUPPORT")) {
                List<String> seen = slack.messagesIn(channel).stream().map(call -> call.param("text"))
                        .flatMap(text -> updates.stream().filter(update -> text.contains(update + "\n")
                                || text.endsWith(update)))
                        .toList();
                assertEquals(updates, seen, channel + ": every update once, in order");
            }
            assertEquals(1, slack.messagesIn("C0INCIDENTS").stream().filter(call -> call.param("thread_ts") == null)
                    .count(), "one root");
        }
    }

    @Test
    void tenRefreshesPendingThroughASlackOutageBecomeOneEdit() {
        try (FakeSlack slack = FakeSlack.start(TOKEN)) {
            slack.addChannel("C0INCIDENTS", true);
            Map<String, Object> properties = properties(slack, database(), "0s");
            properties.remove("detour.slack.burst"); // Slack's pacing as in production
            try (ApplicationContext detour = ApplicationContext.run(properties)) {
                IncidentService incidents = detour.getBean(IncidentService.class);
                var id = ((dev.detour.incidents.incident.IncidentChange.Applied) incidents.open(IncidentKind.OUTAGE,
                        "edits after an outage", List.of(Target.model(SeedCatalog.GPT_5)), Actor.user("U0ALICE")))
                        .incident().id();
                slack.awaitCall("chat.postMessage", call -> call.ok() && call.param("thread_ts") == null, WAIT);
                slack.failChat();
                for (int i = 0; i < 10; i++) {
                    incidents.changeState(id, i % 2 == 0 ? IncidentState.IDENTIFIED : IncidentState.MONITORING,
                            Actor.user("U0ALICE"));
                }
                slack.awaitCall("chat.update", call -> call.httpStatus() == 500, WAIT);
                slack.clearFaults();
                slack.awaitCall("chat.update", FakeSlack.Call::ok, WAIT);
                awaitNothingPending(detour);

                List<FakeSlack.Call> edits = slack.calls("chat.update").stream().filter(FakeSlack.Call::ok).toList();
                assertEquals(1, edits.size(), "one edit: " + edits);
                assertTrue(FakeSlack.blocksOf(edits.get(0)).toString().contains("· monitoring"),
                        "the edit shows the last state");
            }
        }
    }

    @Test
    void aPostSlackTookJustBeforeACrashIsSettledFromHistoryNotPostedAgain() throws Exception {
        Map<String, Object> database = database();
        try (FakeSlack slack = FakeSlack.start(TOKEN)) {
            slack.addChannel("C0INCIDENTS", true);
            slack.addChannel("C0SUPPORT", true);
            try (ApplicationContext first = ApplicationContext.run(properties(slack, database, "1h"))) {
                first.getBean(IncidentService.class).open(IncidentKind.OUTAGE, "posted, then the crash",
                        List.of(Target.model(SeedCatalog.GPT_5)), Actor.user("U0ALICE"));
                // What the dying replica did: claimed the root row, and Slack took its post with the row's mark.
                OutboxRepository rows = first.getBean(OutboxRepository.class);
                OutboxRow root = rows.findByStatusOrderById("pending").stream()
                        .filter(row -> row.kind().equals(SlackKind.ROOT_REFRESH.word())).findFirst().orElseThrow();
                Instant now = Instant.now();
                rows.markSending(root.id(), now, now);
                try (com.slack.api.Slack client = com.slack.api.Slack.getInstance(slackConfig(slack))) {
                    PostMark mark = new PostMark(root.id(), root.createdAt());
                    assertTrue(client.methods(TOKEN).chatPostMessage(r -> r.channel("C0INCIDENTS")
                            .text("INC root as the dying replica posted it")
                            .metadata(new com.slack.api.model.Message.Metadata(PostMark.EVENT_TYPE, mark.payload())))
                            .isOk());
                }
            } // killed before marking it sent
            slack.clear();

            try (ApplicationContext second = ApplicationContext.run(properties(slack, database, "0s"))) {
                slack.awaitCall("conversations.history", call -> true, WAIT);
                awaitNothingPending(second);
                assertEquals(0, slack.calls("chat.postMessage").stream().filter(call -> call.param("thread_ts") == null
                        && "C0INCIDENTS".equals(call.param("channel"))).count(), "the root is not posted again");
                String ts = slack.history("C0INCIDENTS").get(0).path("ts").asText();
                var incident = second.getBean(IncidentService.class).openIncidents().get(0);
                assertEquals(ts, second.getBean(dev.detour.incidents.ports.IncidentThreads.class).of(incident.id())
                        .orElseThrow().ts(), "its thread is the post Slack has");
            }
        }
    }

    @Test
    void withoutTheHistoryScopeAnUnansweredPostIsSentAgainAfterTheLongerWaitAtLeastOnce() {
        try (FakeSlack slack = FakeSlack.start(TOKEN)) {
            slack.addChannel("C0INCIDENTS", true);
            slack.revokeScope("channels:history");
            Map<String, Object> properties = properties(slack, database(), "0s");
            properties.put("detour.slack.timeout", "500ms");
            properties.put("detour.slack.unconfirmed-wait", "2s");
            try (ApplicationContext detour = ApplicationContext.run(properties)) {
                DeliveryGuarantee guarantee = detour.getBean(DeliveryGuarantee.class);
                Await.await(() -> guarantee.current().kind() == DeliveryGuarantee.Kind.AT_LEAST_ONCE, WAIT,
                        "the start-up check to find the scope missing");
                assertTrue(guarantee.current().detail().contains("channels:history"), guarantee.current().detail());

                slack.slowChat(Duration.ofSeconds(1)); // the first post is taken, its answer comes too late
                long opened = System.nanoTime();
                detour.getBean(IncidentService.class).open(IncidentKind.OUTAGE, "no history scope",
                        List.of(Target.model(SeedCatalog.GPT_5)), Actor.user("U0ALICE"));
                slack.awaitCall("chat.postMessage", call -> call.param("thread_ts") == null, WAIT);
                slack.clearFaults();
                awaitNothingPending(detour);
                long millis = (System.nanoTime() - opened) / 1_000_000;

                long roots = slack.calls("chat.postMessage").stream().filter(call -> call.param("thread_ts") == null)
                        .count();
                assertEquals(2, roots, "at least once: the unanswered post is sent again (docs/slack.md)");
                assertTrue(millis >= 2000, "after the longer wait, not at once: " + millis + " ms");
            }
        }
    }

    private static com.slack.api.SlackConfig slackConfig(FakeSlack slack) {
        com.slack.api.SlackConfig config = new com.slack.api.SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        return config;
    }

    private static void awaitNothingPending(ApplicationContext detour) {
        OutboxRepository rows = detour.getBean(OutboxRepository.class);
        Await.await(() -> rows.findByStatusOrderById("pending").stream()
                .noneMatch(row -> row.topic().startsWith("slack.")), WAIT, "every Slack row to be delivered");
    }
}
