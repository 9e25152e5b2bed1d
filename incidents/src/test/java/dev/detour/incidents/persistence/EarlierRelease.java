package dev.detour.incidents.persistence;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.util.Map;

/**
 * How releases before the baseline migration B40 built a new database: one versioned migration after another. A test
 * that needs an earlier release's database, or the chain of versioned migrations to compare with B40, migrates this
 * way. Flyway 10.22 applies a baseline migration to an empty schema even when the target is below its version, so a
 * target alone is not enough: this names a baseline prefix no script has, and Flyway sees no baseline at all.
 */
final class EarlierRelease {
    private static final Map<String, String> NO_BASELINE = Map.of("flyway.baselineMigrationPrefix", "NoBaseline");

    private EarlierRelease() {
    }

    /** The configuration, with every baseline migration out of sight; everything else as it was. */
    static FluentConfiguration withoutBaseline(FluentConfiguration configuration) {
        return configuration.configuration(NO_BASELINE);
    }
}
