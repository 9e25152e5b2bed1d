package dev.detour.incidents.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How {@link VendorMigrations} migrates each database: with its own vendor folder, and as one group only where DDL
 * is transactional (PostgreSQL), so a fresh schema costs one lock and one commit there.
 */
abstract class VendorMigrationsContract {
    /** The datasource properties of an empty database. */
    protected abstract Map<String, Object> database();

    /** {@code h2} or {@code postgresql}. */
    protected abstract String vendor();

    /** Whether pending migrations run as one group on this database. */
    protected abstract boolean grouped();

    @Test
    void aFreshDatabaseGetsEveryMigrationOfItsVendor() {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(String.valueOf(database().get("datasources.default.url")),
                        String.valueOf(database().get("datasources.default.username")),
                        String.valueOf(database().get("datasources.default.password")))
                .locations("classpath:db/migration/common");
        new VendorMigrations().customizeFluentConfiguration(configuration);

        List<String> locations = Arrays.stream(configuration.getLocations()).map(Location::getPath).toList();
        assertTrue(locations.contains("db/migration/" + vendor()), locations.toString());
        assertEquals(grouped(), configuration.isGroup());
        List<String> pending = Arrays.stream(configuration.load().info().pending())
                .map(MigrationInfo::getPhysicalLocation).toList();
        assertTrue(pending.stream().anyMatch(path -> path.contains("db/migration/" + vendor() + "/")),
                "the vendor's own migrations are pending too: " + pending);
        assertEquals(pending.size(), configuration.load().migrate().migrationsExecuted);
        assertEquals(0, configuration.load().info().pending().length);
    }
}
