package dev.detour.incidents.persistence;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/** H2's form of the PostgreSQL trigger that refuses to change or remove an audit record. */
public final class AuditAppendOnlyTrigger implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit records are append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " is not allowed", "42501");
    }
}
