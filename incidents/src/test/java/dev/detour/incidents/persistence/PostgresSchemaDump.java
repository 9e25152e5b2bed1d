package dev.detour.incidents.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's schema from information_schema (tables, columns) and pg_catalog (constraints, indexes, triggers,
 * functions, sequences), each described by PostgreSQL's own definition text ({@code pg_get_constraintdef},
 * {@code pg_get_indexdef}, ...) with the schema's name taken out, since each test database is a schema of its own.
 * PostgreSQL names unnamed constraints after their table and columns ({@code incident_target_incident_id_fkey}),
 * the same whichever script made them, so names are kept. NOT NULL is compared as the columns' nullability.
 */
final class PostgresSchemaDump implements SchemaDump {
    @Override
    public List<String> of(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        String inSchema = "n.nspname = current_schema()";
        String notHistory = " AND c.relname <> '" + HISTORY + "'";
        String classes = " JOIN pg_class c ON c.oid = x.%s JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                + inSchema + notHistory;
        List<String> tables = SchemaDump.lines(connection, "", "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '"
                + HISTORY + "' ORDER BY table_name").stream().map(String::strip).toList();
        List<String> lines = new ArrayList<>();
        tables.forEach(table -> lines.add("table " + table));
        lines.addAll(SchemaDump.lines(connection, "column", "SELECT table_name,"
                + " lpad(ordinal_position::text, 3, '0'), column_name, data_type, character_maximum_length,"
                + " numeric_precision, numeric_scale, datetime_precision,"
                + " is_nullable, column_default, is_identity, identity_generation, identity_start,"
                + " identity_increment, identity_minimum, identity_maximum, identity_cycle, is_generated,"
                + " generation_expression, collation_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name <> '" + HISTORY + "'"));
        lines.addAll(SchemaDump.lines(connection, "constraint", "SELECT c.relname, x.conname, x.contype,"
                + " pg_get_constraintdef(x.oid), x.condeferrable, x.condeferred, x.convalidated"
                + " FROM pg_constraint x" + String.format(classes, "conrelid")));
        lines.addAll(SchemaDump.lines(connection, "index", "SELECT c.relname, i.relname, pg_get_indexdef(x.indexrelid)"
                + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid" + String.format(classes, "indrelid")));
        lines.addAll(SchemaDump.lines(connection, "trigger", "SELECT c.relname, x.tgname, pg_get_triggerdef(x.oid),"
                + " x.tgenabled FROM pg_trigger x" + String.format(classes, "tgrelid") + " AND NOT x.tgisinternal"));
        lines.addAll(SchemaDump.lines(connection, "routine", "SELECT p.proname,"
                + " regexp_replace(pg_get_functiondef(p.oid), '\\s+', ' ', 'g') FROM pg_proc p"
                + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + inSchema));
        lines.addAll(SchemaDump.lines(connection, "sequence", "SELECT sequencename, data_type, start_value,"
                + " min_value, max_value, increment_by, cycle, cache_size, last_value FROM pg_sequences"
                + " WHERE schemaname = current_schema()"));
        lines.addAll(SchemaDump.rows(connection, tables));
        String qualified = schema + ".";
        return SchemaDump.sorted(lines.stream().map(line -> line.replace(qualified, "")).toList());
    }
}
