package dev.detour.incidents.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that earlier versions wrote, with support posts only in the outbox, migrated to this version: the
 * posts are copied to the support post log with their ids and words, and every outbox row gets its kind. The rows
 * are as the earlier version wrote them: Slack payloads {@code {"text", "blocks"}} whose text escapes on-call's
 * words, keys that began with the kind of post.
 */
abstract class SupportPostMigrationContract {
    /** The support post log's first version: the database is migrated to the last version before it first. */
    private static final MigrationVersion LOG = MigrationVersion.fromVersion("21");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime OPENED = OffsetDateTime.of(2026, 6, 7, 7, 12, 0, 0, ZoneOffset.UTC);
    private static final String HEADER = "Outage: some AI features are affected";
    private static final String STATE_WORDS = "Meeting summaries now use GPT-5.\nContract review is paused until"
            + " Claude Opus 4.8 is back.\nSince 2026-06-07 07:12 UTC.";
    /** As earlier versions ended the body: with the promise of the next post, in English. */
    private static final String STATE = STATE_WORDS + " Next update by 2026-06-07 08:10 UTC.";
    private static final String NEXT = "2026-06-07T08:10:00Z";
    private static final String ESCAPED_UPDATE = "Update from the on-call team: Requests to Claude fail;"
            + " &lt;@U0ALICE|alice&gt; is on it. Prompts with &lt;tags&gt; &amp; \"quotes\" work as before.";
    private static final String TYPED_UPDATE = "Update from the on-call team: Requests to Claude fail;"
            + " <@U0ALICE|alice> is on it. Prompts with <tags> & \"quotes\" work as before.";
    private static final String ALL_CLEAR = "All clear: AI features are back to normal";
    private static final String ALL_CLEAR_BODY = "Every AI feature uses its usual model again. The outage lasted"
            + " from 2026-06-07 07:12 UTC to 2026-06-07 08:47 UTC (1h 35m).";

    /** The datasource properties of an empty database. */
    protected abstract Map<String, Object> database();

    /** {@code h2} or {@code postgresql}: the vendor migrations to run too. */
    protected abstract String vendor();

    @Test
    void supportPostsOfEarlierVersionsAreCopiedToTheLogWithTheirIdsAndWords() throws Exception {
        Map<String, Object> database = database();
        migrateAsAnEarlierRelease(database, lastVersionBefore(database, LOG));
        try (Connection connection = connect(database)) {
            writeAsTheEarlierVersionDid(connection);
        }

        migrate(database, MigrationVersion.LATEST);

        try (Connection connection = connect(database)) {
            // The promise of the next post leaves the words and becomes data (V25).
            assertEquals(List.of(
                    List.of("6", "1", "status", HEADER, STATE_WORDS, OPENED.plusMinutes(1).toInstant().toString(),
                            NEXT),
                    List.of("7", "1", "update", HEADER, TYPED_UPDATE + "\n" + STATE_WORDS,
                            OPENED.plusMinutes(30).toInstant().toString(), NEXT),
                    List.of("10", "1", "all-clear", ALL_CLEAR, ALL_CLEAR_BODY,
                            OPENED.plusMinutes(95).toInstant().toString(), "null")),
                    query(connection, "SELECT id, incident_id, kind, headline, body, created_at, next_update_by"
                            + " FROM support_post ORDER BY id"));
            assertEquals(List.of(List.of("5", "slack-root-refresh"), List.of("6", "slack-support-post"),
                    List.of("7", "slack-support-post"), List.of("8", "slack-reply"), List.of("9", "slack-summary"),
                    List.of("10", "slack-support-post"), List.of("11", "flag-webhook"),
                    List.of("12", "slack-support-post")),
                    query(connection, "SELECT id, kind FROM outbox ORDER BY id"));
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO support_post (incident_id, kind, headline, body, created_at)"
                        + " VALUES (1, 'status', 'new', '', CURRENT_TIMESTAMP)");
            }
            long newest = Long.parseLong(query(connection, "SELECT MAX(id) FROM support_post").get(0).get(0));
            assertTrue(newest > 10, "a new post is numbered after the copied ones: " + newest);
        }
    }

    @Test
    void updatesStoredBeforeUpdatesHadAPublicPartArePublicAsTheyWerePosted() throws Exception {
        Map<String, Object> database = database();
        migrateAsAnEarlierRelease(database, lastVersionBefore(database, MigrationVersion.fromVersion("31")));
        try (Connection connection = connect(database)) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO incident (id, kind, state, title, opened_at, opened_by)"
                        + " VALUES (1, 'outage', 'identified', 'Claude Opus fails', CURRENT_TIMESTAMP, 'U0ALICE')");
                statement.executeUpdate("INSERT INTO timeline_entry (id, incident_id, occurred_at, actor, entry_type,"
                        + " body, detail) VALUES (1, 1, CURRENT_TIMESTAMP, 'U0ALICE', 'UPDATE', '',"
                        + " '{\"kind\":\"update\",\"text\":\"Fallback holds\"}')");
                statement.executeUpdate("INSERT INTO timeline_entry (id, incident_id, occurred_at, actor, entry_type,"
                        + " body) VALUES (2, 1, CURRENT_TIMESTAMP, 'U0ALICE', 'UPDATE', 'Written before details')");
                statement.executeUpdate("INSERT INTO timeline_entry (id, incident_id, occurred_at, actor, entry_type,"
                        + " body, detail) VALUES (3, 1, CURRENT_TIMESTAMP, 'U0ALICE', 'ACKNOWLEDGED', '',"
                        + " '{\"kind\":\"acknowledged\"}')");
            }
        }

        migrate(database, MigrationVersion.LATEST);

        try (Connection connection = connect(database)) {
            List<List<String>> details = query(connection, "SELECT id, detail FROM timeline_entry ORDER BY id");
            assertEquals(JSON.readTree("{\"kind\":\"update\",\"internal\":\"\",\"public\":\"Fallback holds\"}"),
                    JSON.readTree(details.get(0).get(1)));
            assertEquals(JSON.readTree(
                    "{\"kind\":\"update\",\"internal\":\"\",\"public\":\"Written before details\"}"),
                    JSON.readTree(details.get(1).get(1)));
            assertEquals(JSON.readTree("{\"kind\":\"acknowledged\"}"), JSON.readTree(details.get(2).get(1)));
        }
    }

    private void writeAsTheEarlierVersionDid(Connection connection) throws Exception {
        try (PreparedStatement incident = connection.prepareStatement("INSERT INTO incident"
                + " (id, kind, state, title, opened_at, opened_by, resolved_at) VALUES (1, 'outage', 'resolved',"
                + " 'Claude Opus fails', ?, 'U0ALICE', ?)")) {
            incident.setObject(1, OPENED);
            incident.setObject(2, OPENED.plusMinutes(95));
            incident.executeUpdate();
        }
        row(connection, 5, 0, "slack.root", "slack.root:INC-1:3f2a9c0d1e2b3a4f", "{\"incident\":\"INC-1\"}");
        row(connection, 6, 1, "slack.support", "support:INC-1:1780816380000",
                slackPayload(HEADER + "\n" + STATE));
        row(connection, 7, 30, "slack.support", "update:INC-1:1780818120000:-1349871530",
                slackPayload(HEADER + "\n" + ESCAPED_UPDATE + "\n" + STATE));
        row(connection, 8, 31, "slack.reply", "slack.reply:INC-1:9b1c2d3e4f5a6b7c",
                slackPayload("Update from U0ALICE"));
        row(connection, 9, 95, "slack.summary", "summary:INC-1", slackPayload("Summary of INC-1"));
        row(connection, 10, 95, "slack.support", "allclear:INC-1:1780821900000",
                slackPayload(ALL_CLEAR + "\n" + ALL_CLEAR_BODY));
        row(connection, 11, 95, "flags.webhook", "flags:apps:abc@1780821900000:def", "{\"id\":\"flags:apps\"}");
        // A row no version could read: not copied, and the migration does not stop for it.
        row(connection, 12, 96, "slack.support", "support:INC-1:1780821960000", "not json");
    }

    /** As the earlier {@code SlackPayload} stored a message: its blocks as a JSON string inside the JSON. */
    private static String slackPayload(String text) {
        return JSON.createObjectNode().put("text", text).put("blocks", "[{\"type\":\"section\"}]").toString();
    }

    private static void row(Connection connection, long id, int minutes, String topic, String key, String payload)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (id, created_at, topic,"
                + " destination, idempotency_key, payload, incident_id, status, attempts, next_attempt_at, sent_at)"
                + " VALUES (?, ?, ?, 'C0SUPPORT', ?, ?, 1, 'sent', 1, ?, ?)")) {
            OffsetDateTime at = OPENED.plusMinutes(minutes);
            insert.setLong(1, id);
            insert.setObject(2, at);
            insert.setString(3, topic);
            insert.setString(4, key);
            insert.setString(5, payload);
            insert.setObject(6, at);
            insert.setObject(7, at);
            insert.executeUpdate();
        }
    }

    /** Versions have gaps (each change takes its own number), and Flyway's target must be a version that exists. */
    private MigrationVersion lastVersionBefore(Map<String, Object> database, MigrationVersion version) {
        return Arrays.stream(flyway(database, MigrationVersion.LATEST).info().all()).map(MigrationInfo::getVersion)
                .filter(each -> each.compareTo(version) < 0).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** As the release of that version built the database: versioned migrations only (the baseline came later). */
    private void migrateAsAnEarlierRelease(Map<String, Object> database, MigrationVersion target) {
        EarlierRelease.withoutBaseline(configuration(database, target)).load().migrate();
    }

    private void migrate(Map<String, Object> database, MigrationVersion target) {
        flyway(database, target).migrate();
    }

    private Flyway flyway(Map<String, Object> database, MigrationVersion target) {
        return configuration(database, target).load();
    }

    private FluentConfiguration configuration(Map<String, Object> database, MigrationVersion target) {
        return Flyway.configure()
                .dataSource(String.valueOf(database.get("datasources.default.url")),
                        String.valueOf(database.get("datasources.default.username")),
                        String.valueOf(database.get("datasources.default.password")))
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor())
                .target(target);
    }

    private static Connection connect(Map<String, Object> database) throws SQLException {
        return DriverManager.getConnection(String.valueOf(database.get("datasources.default.url")),
                String.valueOf(database.get("datasources.default.username")),
                String.valueOf(database.get("datasources.default.password")));
    }

    /** Every row as its columns' text; times as instants. */
    private static List<List<String>> query(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = result.getObject(i);
                    row.add(value instanceof java.sql.Timestamp || value instanceof OffsetDateTime
                            ? result.getObject(i, OffsetDateTime.class).toInstant().toString() : String.valueOf(value));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
