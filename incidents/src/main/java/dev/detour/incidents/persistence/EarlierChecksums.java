package dev.detour.incidents.persistence;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Migrations whose text changed after release in a comment only (never in what they do): a database migrated with
 * the earlier text gets the new checksum before Flyway validates, so it is not refused as a changed migration. Each
 * entry names the checksum Flyway recorded for the earlier text and the one of the current text; a row with any
 * other checksum is left alone, so a migration changed in substance is still refused.
 */
final class EarlierChecksums implements Callback {
    /** The version, the earlier text's checksum, the current text's. */
    record Repaired(String version, int earlier, int current) {
    }

    /** V1's comment on the audit trail cited a file outside the repository; it now cites docs/api.md. */
    static final List<Repaired> REPAIRED = List.of(new Repaired("1", 1385838566, 1300669050));

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            String table = context.getConfiguration().getTable();
            if (!exists(connection, table)) {
                return; // a new database: nothing was recorded yet
            }
            for (Repaired repaired : REPAIRED) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                        + " SET checksum = ? WHERE version = ? AND checksum = ?")) {
                    update.setInt(1, repaired.current());
                    update.setString(2, repaired.version());
                    update.setInt(3, repaired.earlier());
                    update.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bring earlier migration checksums up to date: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public String getCallbackName() {
        return "earlier-checksums";
    }

    /** In the connection's own schema: other schemas of the same database may have a history table of their own. */
    private static boolean exists(Connection connection, String table) throws SQLException {
        String schema = connection.getSchema();
        for (String inSchema : List.of(schema, schema.toUpperCase(Locale.ROOT))) {
            for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet tables = connection.getMetaData().getTables(null, inSchema, name, null)) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
