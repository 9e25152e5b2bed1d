package dev.detour.incidents.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A database migrated by an earlier release, whose V1 text had another comment (test resource
 * {@code db/earlier/V1__schema.sql}, as released), is migrated by this release: Flyway does not refuse it as a
 * changed migration, and V1's recorded checksum becomes the current text's.
 */
abstract class EarlierMigrationTextContract {
    /** The datasource properties of an empty database. */
    protected abstract Map<String, Object> database();

    @Test
    void aDatabaseMigratedWithTheEarlierTextOfV1IsMigratedOn() throws SQLException {
        Map<String, Object> database = database();
        configuration(database).locations("classpath:db/earlier").load().migrate();
        EarlierChecksums.Repaired v1 = EarlierChecksums.REPAIRED.get(0);
        assertEquals(v1.earlier(), checksumOfV1(database), "the checksum the earlier release recorded");
        FluentConfiguration withoutRepair = configuration(database);
        new VendorMigrations().customizeFluentConfiguration(withoutRepair);
        assertThrows(FlywayException.class, () -> withoutRepair.callbacks(new Callback[0]).load().migrate(),
                "without the repair Flyway refuses the changed comment");

        FluentConfiguration release = configuration(database);
        new VendorMigrations().customizeFluentConfiguration(release);
        release.load().migrate();

        assertEquals(v1.current(), checksumOfV1(database));
    }

    private static FluentConfiguration configuration(Map<String, Object> database) {
        return Flyway.configure().dataSource(url(database),
                String.valueOf(database.get("datasources.default.username")),
                String.valueOf(database.get("datasources.default.password")))
                .locations("classpath:db/migration/common");
    }

    private static String url(Map<String, Object> database) {
        return String.valueOf(database.get("datasources.default.url"));
    }

    private static int checksumOfV1(Map<String, Object> database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(database),
                String.valueOf(database.get("datasources.default.username")),
                String.valueOf(database.get("datasources.default.password")));
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT checksum FROM flyway_schema_history WHERE version = '1'")) {
            row.next();
            return row.getInt(1);
        }
    }
}
