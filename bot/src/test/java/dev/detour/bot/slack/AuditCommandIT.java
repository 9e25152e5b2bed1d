package dev.detour.bot.slack;

import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /detour audit} once the trail holds more records than one page of the API. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditCommandIT implements TestPropertyProvider {
    private static final int WRITTEN = 620;

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);

    @Inject
    EmbeddedServer server;
    @Value("${datasources.default.url}")
    String databaseUrl;

    @Override
    public Map<String, String> getProperties() {
        return SignedSlack.seedWorkspace(slack);
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    @Test
    void theNewestRecordsAreShownWhenTheTrailHoldsMoreThan500() throws SQLException {
        writeRecordsAMinuteApart();
        String responseUrl = slack.newResponseUrl();

        new SignedSlack(server.getURI(), slack).command(SignedSlack.ALICE, "audit", responseUrl);

        FakeSlack.Response reply = slack.awaitResponse(r -> r.url().equals(responseUrl), Duration.ofSeconds(10));
        String text = reply.body().path("text").asText();
        assertEquals("ephemeral", reply.body().path("response_type").asText());
        assertTrue(text.contains("record " + WRITTEN + "\n") || text.endsWith("record " + WRITTEN), text);
        assertTrue(text.indexOf("record " + WRITTEN) < text.indexOf("record " + (WRITTEN - 1)), "newest first");
        assertFalse(text.contains("record 500\n") || text.contains("record 1\n"), "no stale records: " + text);
    }

    /** As Detour writes them, straight into the database: a route override per minute, up to now. */
    private void writeRecordsAMinuteApart() throws SQLException {
        Instant now = Instant.now();
        try (Connection connection = DriverManager.getConnection(databaseUrl, "sa", "");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_record (occurred_at, actor,"
                     + " action, subject, after_value, reason) VALUES (?, 'user:U0ALICE', 'route.override',"
                     + " 'task-class:meeting-summary', 'stop', ?)")) {
            for (int i = 1; i <= WRITTEN; i++) {
                insert.setTimestamp(1, Timestamp.from(now.minus(Duration.ofMinutes(WRITTEN - i))));
                insert.setString(2, "record " + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
