package dev.detour.incidents.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The baseline migration B40 (db/migration/common/B40__schema_of_version_40.sql): a new database is made from it in
 * one script instead of the versioned migrations up to 40, and ends with the schema those build; a database that
 * already has a history keeps taking the versioned migrations. The audit trail's guards, which are vendor
 * migrations below 40, come back as V41 on every database.
 */
abstract class BaselineMigrationContract {
    private static final MigrationVersion BASELINE = MigrationVersion.fromVersion("40");
    private static final MigrationVersion GUARDS = MigrationVersion.fromVersion("41");

    /** The datasource properties of a new, empty database. */
    protected abstract Map<String, Object> database();

    /** How this vendor's schema is written down for comparison. */
    protected abstract SchemaDump schema();

    @Test
    void aNewDatabaseStartsFromTheBaselineAndTakesOnlyTheMigrationsAfterIt() {
        Map<String, Object> database = database();

        release(database).load().migrate();

        List<MigrationInfo> history = history(database);
        assertEquals(BASELINE, history.get(0).getVersion(), describe(history));
        assertEquals("SQL_BASELINE", history.get(0).getType().name(), describe(history));
        assertTrue(history.stream().skip(1).allMatch(each -> each.getVersion().isNewerThan(BASELINE)),
                "nothing below the baseline runs: " + describe(history));
        assertTrue(history.stream().anyMatch(each -> each.getVersion().equals(GUARDS)), describe(history));
    }

    @Test
    void theBaselineBuildsTheSchemaTheVersionedMigrationsBuild() throws SQLException {
        Map<String, Object> fromBaseline = database();
        Map<String, Object> fromChain = database();

        release(fromBaseline).load().migrate();
        EarlierRelease.withoutBaseline(release(fromChain)).load().migrate();

        List<MigrationInfo> chainHistory = history(fromChain);
        assertEquals(List.of("1", "2", "3"), chainHistory.stream().limit(3).map(MigrationInfo::getVersion)
                .map(MigrationVersion::getVersion).toList(), "each versioned migration, the vendor's V2 too: "
                + describe(chainHistory));
        List<String> baseline = schemaOf(fromBaseline);
        List<String> chain = schemaOf(fromChain);
        assertTrue(baseline.size() > 100, "a schema is described: " + baseline);
        String difference = SchemaDump.difference("the chain", chain, "B40", baseline);
        assertTrue(difference.isEmpty(), "B40 and the versioned migrations build different schemas:" + difference);
    }

    @Test
    void aDatabaseMigratedTheLongWayToVersion40TakesWhatComesAfterAndKeepsRefusingChangesToTheAuditTrail()
            throws SQLException {
        Map<String, Object> database = database();
        EarlierRelease.withoutBaseline(release(database)).target("40").load().migrate();

        int executed = release(database).load().migrate().migrationsExecuted;

        List<MigrationInfo> history = history(database);
        assertTrue(executed > 0, "the migrations after 40 ran: " + describe(history));
        assertTrue(history.stream().anyMatch(each -> each.getVersion().equals(GUARDS)), describe(history));
        assertFalse(history.stream().anyMatch(each -> each.getType().isBaseline()),
                "the baseline is for new databases only: " + describe(history));
        assertTrue(release(database).load().validateWithResult().validationSuccessful);
        assertTheAuditTrailRefusesChange(database);
    }

    @Test
    void theAuditTrailOfADatabaseMadeFromTheBaselineRefusesChange() throws SQLException {
        Map<String, Object> database = database();

        release(database).load().migrate();

        assertTheAuditTrailRefusesChange(database);
    }

    /** As the application migrates: the common location plus the vendor's ({@link VendorMigrations}). */
    private static FluentConfiguration release(Map<String, Object> database) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(String.valueOf(database.get("datasources.default.url")),
                        String.valueOf(database.get("datasources.default.username")),
                        String.valueOf(database.get("datasources.default.password")))
                .locations("classpath:db/migration/common");
        new VendorMigrations().customizeFluentConfiguration(configuration);
        return configuration;
    }

    private static List<MigrationInfo> history(Map<String, Object> database) {
        return Arrays.asList(release(database).load().info().applied());
    }

    private static String describe(List<MigrationInfo> history) {
        return history.stream().map(each -> each.getVersion() + " " + each.getType() + " " + each.getScript())
                .toList().toString();
    }

    private List<String> schemaOf(Map<String, Object> database) throws SQLException {
        try (Connection connection = connect(database)) {
            return schema().of(connection);
        }
    }

    /** Someone with SQL access, outside the application: may append a record, never change or remove one. */
    private static void assertTheAuditTrailRefusesChange(Map<String, Object> database) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO audit_record (occurred_at, actor, action, subject)"
                    + " VALUES (CURRENT_TIMESTAMP, 'U0ALICE', 'route.override', 'task-class:meeting-summary')");
            assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE audit_record SET reason = 'x'"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM audit_record"));
            assertThrows(SQLException.class, () -> statement.execute("TRUNCATE TABLE audit_record"));
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM audit_record WHERE reason IS NULL")) {
                count.next();
                assertEquals(1, count.getInt(1), "the record is still there, unchanged");
            }
        }
    }

    private static Connection connect(Map<String, Object> database) throws SQLException {
        return DriverManager.getConnection(String.valueOf(database.get("datasources.default.url")),
                String.valueOf(database.get("datasources.default.username")),
                String.valueOf(database.get("datasources.default.password")));
    }
}
