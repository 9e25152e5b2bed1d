package dev.detour.bot.slack;

import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slack gets its acknowledgement at once whatever the database does (docs/slack.md, Request checks): a form and an
 * App Home event are acknowledged within a second while the database is held, and carried out once it is free.
 * One person's commands held behind a locked table apply in the order they were sent. (The database down:
 * {@link SlackAcksWithDatabaseDownIT}.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackAcksBeforeDatabaseIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
    private String url;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        slack.addChannel("C0SUPPORT", true);
        slack.addChannel("C0MANAGERS", true);
        Map<String, String> properties = new HashMap<>(SignedSlack.properties(slack));
        // Waits on a held lock longer than H2's default, as PostgreSQL does; gives up on a dead database soon.
        url = properties.get("datasources.default.url") + ";LOCK_TIMEOUT=20000";
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.connection-timeout", "2000");
        return properties;
    }

    /** A running Detour: the Slack handlers are built by a first request, while the database is free. */
    @BeforeAll
    void warmUp() {
        assertEquals(200, requests().command("U0BOB", "help", slack.newResponseUrl()).statusCode());
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    private SlackRequests requests() {
        return new SlackRequests(server.getURI(), SignedSlack.SIGNING_SECRET);
    }

    @Test
    void aDeclareFormIsAcknowledgedAtOnceWhileTheDatabaseIsHeldAndCarriedOutAfter() throws Exception {
        String reason = "held form " + UUID.randomUUID();
        HttpResponse<String> ack;
        try (Hold hold = Hold.database(url, 1)) {
            ack = withinASecond(() -> requests().declareSubmission(SignedSlack.ALICE, List.of("model:gpt-5"),
                    "outage", reason));
        }

        assertEquals(200, ack.statusCode(), ack.body());
        FakeSlack.Call note = slack.awaitCall("chat.postMessage", call -> SignedSlack.ALICE.equals(call.param("channel"))
                && String.valueOf(call.param("text")).contains("INC-"), WAIT);
        assertTrue(note.param("text").startsWith("Opened") || note.param("text").startsWith("Added to"),
                note.param("text"));
        slack.awaitCall("chat.postMessage", call -> "C0INCIDENTS".equals(call.param("channel"))
                && String.valueOf(FakeSlack.textOf(call)).contains(reason), WAIT);
    }

    @Test
    void theAppHomeEventIsAcknowledgedAtOnceWhileTheDatabaseIsHeldAndPublishedAfter() throws Exception {
        String user = "U0HOMEHELD";
        HttpResponse<String> ack;
        try (Hold hold = Hold.database(url, 1)) {
            ack = withinASecond(() -> requests().appHomeOpened(eventId(), user, Map.of()));
        }

        assertEquals(200, ack.statusCode(), ack.body());
        slack.awaitCall("views.publish", call -> user.equals(call.param("user_id")), WAIT);
    }

    @Test
    void aPersonsSecondCommandHeldBehindALockedTableAppliesAfterTheFirst() throws Exception {
        String pinned = slack.newResponseUrl();
        String released = slack.newResponseUrl();
        try (Hold hold = Hold.routingLock(url)) {
            requests().command(SignedSlack.ALICE, "route legal-review gpt-5", pinned);
            hold.awaitSomeoneBlocked();
            requests().command(SignedSlack.ALICE, "route legal-review auto", released);
        }

        String first = slack.awaitResponse(response -> response.url().equals(pinned), WAIT).body().path("text")
                .asText();
        String second = slack.awaitResponse(response -> response.url().equals(released), WAIT).body().path("text")
                .asText();
        assertTrue(first.startsWith("Route of `legal-review`"), first);
        assertTrue(second.startsWith("Released the override of `legal-review`"), second);
    }

    static <T> T withinASecond(Supplier<T> request) throws Exception {
        return CompletableFuture.supplyAsync(request).get(1, TimeUnit.SECONDS);
    }

    static String eventId() {
        return "Ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A connection of the test's own that holds the database or a lock in it until closed. */
    static final class Hold implements AutoCloseable {
        private final Connection connection;
        private final String release;

        private Hold(Connection connection, String release) {
            this.connection = connection;
            this.release = release;
        }

        /**
         * H2's exclusive mode: 1 pauses every other connection's statements (a database that hangs), 2 closes
         * them and refuses new ones (a database that is down).
         */
        static Hold database(String url, int mode) throws SQLException {
            Connection connection = DriverManager.getConnection(url, "sa", "");
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET EXCLUSIVE " + mode);
            }
            return new Hold(connection, "SET EXCLUSIVE 0");
        }

        /** The row every routing change locks first, held in an open transaction. */
        static Hold routingLock(String url) throws SQLException {
            Connection connection = DriverManager.getConnection(url, "sa", "");
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE routing_lock SET changes = changes + 1 WHERE id = 1");
            }
            return new Hold(connection, null);
        }

        void awaitSomeoneBlocked() throws SQLException, InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                try (Statement statement = connection.createStatement();
                     ResultSet blocked = statement.executeQuery(
                             "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL")) {
                    blocked.next();
                    if (blocked.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
                TimeUnit.MILLISECONDS.sleep(20); // polling a condition another session will meet
            }
            throw new AssertionError("no command waited on the lock within " + WAIT);
        }

        @Override
        public void close() throws SQLException {
            try (connection) {
                if (release != null) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(release);
                    }
                } else {
                    connection.rollback();
                }
            }
        }
    }
}
