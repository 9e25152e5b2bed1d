package dev.detour.incidents.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * H2's schema from its INFORMATION_SCHEMA. H2 names the constraints and indexes it makes itself after a counter
 * ({@code CONSTRAINT_8A}, {@code PRIMARY_KEY_8}), which depends on the order tables were created in: those names
 * are left out, and each constraint is described by its table, kind, columns, referenced key and rules, each index
 * by its table, kind and columns. A name someone wrote (an index, a trigger) is kept.
 */
final class H2SchemaDump implements SchemaDump {
    /** The shape of the names H2 gives constraints nobody named. */
    private static final String MADE_UP = "'^CONSTRAINT_[0-9A-Z_]+$'";

    @Override
    public List<String> of(Connection connection) throws SQLException {
        String schema = "table_schema = SCHEMA()";
        String notHistory = " AND table_name <> '" + HISTORY + "'";
        List<String> tables = SchemaDump.lines(connection, "", "SELECT table_name FROM information_schema.tables"
                + " WHERE " + schema + notHistory + " AND table_type = 'BASE TABLE' ORDER BY table_name").stream()
                .map(String::strip).toList();
        List<String> lines = new ArrayList<>();
        tables.forEach(table -> lines.add("table " + table));
        lines.addAll(SchemaDump.lines(connection, "column", "SELECT table_name,"
                + " LPAD(CAST(ordinal_position AS VARCHAR), 3, '0'), column_name, data_type, character_maximum_length,"
                + " numeric_precision, numeric_scale, datetime_precision,"
                + " is_nullable, column_default, is_identity, identity_generation, identity_start,"
                + " identity_increment, identity_minimum, identity_maximum, identity_cycle, identity_base,"
                + " identity_cache, default_on_null, column_on_update, is_generated, generation_expression"
                + " FROM information_schema.columns WHERE " + schema + notHistory));
        lines.addAll(SchemaDump.lines(connection, "constraint", "SELECT c.table_name, c.constraint_type,"
                + " CASE WHEN REGEXP_LIKE(c.constraint_name, " + MADE_UP + ") THEN '(unnamed)'"
                + " ELSE c.constraint_name END,"
                + " (SELECT LISTAGG(k.column_name, ', ') WITHIN GROUP (ORDER BY k.ordinal_position)"
                + "  FROM information_schema.key_column_usage k WHERE k.constraint_schema = c.constraint_schema"
                + "  AND k.constraint_name = c.constraint_name),"
                + " (SELECT u.table_name || ' (' || LISTAGG(u.column_name, ', ') WITHIN GROUP"
                + "  (ORDER BY u.ordinal_position) || ') on update ' || r.update_rule || ' on delete ' || r.delete_rule"
                + "  FROM information_schema.referential_constraints r JOIN information_schema.key_column_usage u"
                + "  ON u.constraint_schema = r.unique_constraint_schema"
                + "  AND u.constraint_name = r.unique_constraint_name"
                + "  WHERE r.constraint_schema = c.constraint_schema AND r.constraint_name = c.constraint_name"
                + "  GROUP BY u.table_name, r.update_rule, r.delete_rule),"
                + " (SELECT k.check_clause FROM information_schema.check_constraints k"
                + "  WHERE k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name),"
                + " c.is_deferrable, c.initially_deferred, c.enforced, c.nulls_distinct"
                + " FROM information_schema.table_constraints c WHERE c." + schema + " AND c.table_name <> '"
                + HISTORY + "'"));
        lines.addAll(SchemaDump.lines(connection, "index", "SELECT i.table_name, i.index_type_name,"
                + " CASE WHEN i.is_generated THEN '(unnamed)' ELSE i.index_name END, i.nulls_distinct,"
                + " (SELECT LISTAGG(k.column_name || ' ' || k.ordering_specification || ' nulls '"
                + "  || COALESCE(k.null_ordering, '-'), ', ') WITHIN GROUP (ORDER BY k.ordinal_position)"
                + "  FROM information_schema.index_columns k WHERE k.index_schema = i.index_schema"
                + "  AND k.index_name = i.index_name)"
                + " FROM information_schema.indexes i WHERE i." + schema + " AND i.table_name <> '" + HISTORY + "'"));
        lines.addAll(SchemaDump.lines(connection, "trigger", "SELECT event_object_table, trigger_name,"
                + " action_timing, event_manipulation, action_orientation, java_class, is_rollback, queue_size,"
                + " no_wait FROM information_schema.triggers WHERE event_object_schema = SCHEMA()"));
        lines.addAll(SchemaDump.lines(connection, "sequence", "SELECT sequence_name, data_type, start_value,"
                + " minimum_value, maximum_value, increment, cycle_option, base_value, cache"
                + " FROM information_schema.sequences WHERE sequence_schema = SCHEMA()"));
        lines.addAll(SchemaDump.rows(connection, tables));
        return SchemaDump.sorted(lines);
    }
}
