package dev.detour.incidents.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A database's schema as sorted lines of text, one per table, column, constraint, index, trigger, routine, sequence
 * and stored row, so that two databases of one vendor compare as two lists and differ in readable lines. Names the
 * database makes up (H2's {@code CONSTRAINT_8A}) are left out; what they name is described instead. Flyway's own
 * history table is left out.
 */
interface SchemaDump {
    String HISTORY = "flyway_schema_history";

    /** The lines of the schema the connection is in, sorted. */
    List<String> of(Connection connection) throws SQLException;

    /** The lines only one of the two lists has, marked with the side that has them; empty when they are equal. */
    static String difference(String leftName, List<String> left, String rightName, List<String> right) {
        TreeSet<String> onlyLeft = new TreeSet<>(left);
        onlyLeft.removeAll(right);
        TreeSet<String> onlyRight = new TreeSet<>(right);
        onlyRight.removeAll(left);
        StringBuilder text = new StringBuilder();
        onlyLeft.forEach(line -> text.append("\n  only ").append(leftName).append(": ").append(line));
        onlyRight.forEach(line -> text.append("\n  only ").append(rightName).append(": ").append(line));
        return text.toString();
    }

    /** Each row of the query as one line: the prefix, then its columns' text joined with " | ". */
    static List<String> lines(Connection connection, String prefix, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rows.getString(i)));
                }
                lines.add(prefix + " " + String.join(" | ", values));
            }
        }
        return lines;
    }

    /** Every stored row of every table (a new database holds only the rows its migrations insert). */
    static List<String> rows(Connection connection, List<String> tables) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (String table : tables) {
            lines.addAll(lines(connection, "row " + table + ":", "SELECT * FROM " + table));
        }
        return lines;
    }

    /** The lines sorted, so that the order in which the database lists things does not count. */
    static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
