package dev.detour.incidents.persistence;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Adds {@code classpath:db/migration/<vendor>} ({@code h2} or {@code postgresql}) to the configured migration
 * locations, chosen from the database actually connected: the schema is common SQL, but guards such as the
 * append-only audit trigger need each database's own syntax. Also lets databases migrated with an earlier text of a
 * migration whose comment changed pass validation ({@link EarlierChecksums}). On PostgreSQL, whose DDL is
 * transactional, pending migrations are applied as one group: one schema-history lock and one commit instead of one
 * per migration (bench/RESULTS.md, "Start-up profile and changes"), and a failing migration leaves the schema as it
 * was before the group. H2 commits at each DDL statement, so there each migration keeps its own transaction: a
 * failure must not leave a migration applied without its row in the schema history.
 */
@Singleton
@Named(VendorMigrations.DATASOURCE)
public class VendorMigrations implements FlywayConfigurationCustomizer {
    static final String DATASOURCE = "default";
    private static final String POSTGRESQL = "postgresql";

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        List<Location> locations = new ArrayList<>(List.of(configuration.getLocations()));
        String vendor = vendor(configuration);
        locations.add(new Location("classpath:db/migration/" + vendor));
        configuration.locations(locations.toArray(Location[]::new));
        configuration.callbacks(new EarlierChecksums());
        configuration.group(vendor.equals(POSTGRESQL));
    }

    @Override
    public String getName() {
        return DATASOURCE;
    }

    private static String vendor(FluentConfiguration configuration) {
        try (Connection connection = configuration.getDataSource().getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            if (product.contains("h2")) {
                return "h2";
            }
            throw new IllegalStateException("Detour supports PostgreSQL and H2, not " + product);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate it: " + e.getMessage(), e);
        }
    }
}
