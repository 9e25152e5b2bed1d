package db.migration.common;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Support posts written before V24 ended their body with the promise of the next one, in the only language those
 * versions had ("Next update by 2026-06-07 07:40 UTC."). Once, this moves that promise out of the words into
 * {@code next_update_by}, so no reader has to find it in the text again.
 */
public class V25__Next_update_promise_as_data extends BaseJavaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(V25__Next_update_promise_as_data.class);
    private static final Pattern PROMISE = Pattern.compile(
            " ?Next update by (\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}) UTC\\.\\s*$");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        int moved = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, body FROM support_post WHERE next_update_by IS NULL ORDER BY id");
             ResultSet rows = select.executeQuery();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE support_post SET body = ?, next_update_by = ? WHERE id = ?")) {
            while (rows.next()) {
                String body = rows.getString("body");
                Matcher promise = PROMISE.matcher(body);
                if (!promise.find()) {
                    continue;
                }
                LocalDateTime at = LocalDateTime.parse(promise.group(1) + "T" + promise.group(2));
                update.setString(1, body.substring(0, promise.start()).strip());
                update.setObject(2, at.atOffset(ZoneOffset.UTC));
                update.setLong(3, rows.getLong("id"));
                update.executeUpdate();
                moved++;
            }
        }
        if (moved > 0) {
            LOG.info("moved the promise of the next update out of the words of {} support posts", moved);
        }
    }
}
