package db.migration.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * From this version an update has an internal part (the incident's thread) and a customer part (the support
 * channel, the public status page, subscribers), and only what a person marked public reaches customers. Updates
 * stored earlier were posted to support as they were, so this decides, once, that their text was public: the
 * detail {@code {"kind":"update","text":X}} becomes {@code {"kind":"update","internal":"","public":X}}, and an
 * update of the releases before details (text in {@code body} only) gets that detail too.
 */
public class V31__Updates_have_internal_and_public_parts extends BaseJavaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(V31__Updates_have_internal_and_public_parts.class);

    @Override
    public void migrate(Context context) throws SQLException {
        ObjectMapper mapper = new ObjectMapper();
        Connection connection = context.getConnection();
        int decided = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, body, detail FROM timeline_entry WHERE entry_type = 'UPDATE' ORDER BY id");
             ResultSet rows = select.executeQuery();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE timeline_entry SET detail = ? WHERE id = ?")) {
            while (rows.next()) {
                String detail = rows.getString("detail");
                String text;
                if (detail == null) {
                    text = rows.getString("body");
                } else {
                    JsonNode json = read(mapper, detail);
                    if (json == null || json.has("public") || !json.path("text").isTextual()) {
                        continue;
                    }
                    text = json.path("text").asText();
                }
                ObjectNode now = mapper.createObjectNode().put("kind", "update").put("internal", "")
                        .put("public", text == null ? "" : text.strip());
                update.setString(1, mapper.writeValueAsString(now));
                update.setLong(2, rows.getLong("id"));
                update.executeUpdate();
                decided++;
            }
        } catch (IOException e) {
            throw new IllegalStateException("an update's detail could not be written", e);
        }
        if (decided > 0) {
            LOG.info("{} updates stored before updates had a public part are public, as they were posted", decided);
        }
    }

    /** A detail that is not JSON is left for its reader to show as written. */
    private static JsonNode read(ObjectMapper mapper, String detail) {
        try {
            return mapper.readTree(detail);
        } catch (IOException e) {
            return null;
        }
    }
}
