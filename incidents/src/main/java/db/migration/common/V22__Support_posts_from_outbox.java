package db.migration.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.incidents.incident.TextLimits;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * Copies the support posts that earlier versions kept only in the outbox (topic {@code slack.support}) into the
 * support post log, once, so every reader has one place to read. Each keeps its outbox row's id, so its Atom entry
 * id stays the same (see docs/status.md). Their words come from the Slack text of the row: the first line is the
 * headline, the rest the body, Slack's escaping decoded once, as the page did when it read them from the outbox.
 */
public class V22__Support_posts_from_outbox extends BaseJavaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(V22__Support_posts_from_outbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How earlier versions began a support post's idempotency key, by kind. */
    private static final Map<String, String> KINDS = Map.of("support:", "status", "update:", "update",
            "allclear:", "all-clear");
    /** Column sizes of V21. */
    private static final int HEADLINE = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        long highest = 0;
        int copied = 0;
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, created_at, idempotency_key, payload, incident_id"
                     + " FROM outbox WHERE topic = 'slack.support' AND incident_id IS NOT NULL ORDER BY id");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO support_post"
                     + " (id, incident_id, kind, headline, body, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            while (rows.next()) {
                long id = rows.getLong("id");
                Optional<String> kind = kindOf(rows.getString("idempotency_key"));
                String text = unescape(textOf(rows.getString("payload")).strip());
                if (kind.isEmpty() || text.isEmpty()) {
                    LOG.warn("outbox row {} is not a support post this version can read; not copied", id);
                    continue;
                }
                int newline = text.indexOf('\n');
                String headline = newline < 0 ? text : text.substring(0, newline).strip();
                insert.setLong(1, id);
                insert.setLong(2, rows.getLong("incident_id"));
                insert.setString(3, kind.get());
                insert.setString(4, TextLimits.clip(headline, HEADLINE));
                insert.setString(5, newline < 0 ? "" : text.substring(newline + 1).strip());
                insert.setObject(6, rows.getObject("created_at"));
                insert.executeUpdate();
                highest = Math.max(highest, id);
                copied++;
            }
        }
        if (copied > 0) {
            try (Statement restart = connection.createStatement()) {
                // New posts are numbered after the copied ones: their ids (and feed entry ids) never meet.
                restart.execute("ALTER TABLE support_post ALTER COLUMN id RESTART WITH " + (highest + 1));
            }
            LOG.info("copied {} support posts from the outbox into the support post log", copied);
        }
    }

    private static Optional<String> kindOf(String key) {
        return KINDS.entrySet().stream().filter(kind -> key.startsWith(kind.getKey())).map(Map.Entry::getValue)
                .findFirst();
    }

    private static String textOf(String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            return node == null ? "" : node.path("text").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    /** Slack's three entities, in one pass: {@code &amp;lt;} is the text {@code &lt;}, never {@code <}. */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("&amp;", i)) {
                out.append('&');
                i += 5;
            } else if (text.startsWith("&lt;", i)) {
                out.append('<');
                i += 4;
            } else if (text.startsWith("&gt;", i)) {
                out.append('>');
                i += 4;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }
}
