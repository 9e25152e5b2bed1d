package dev.detour.incidents.persistence;

import dev.detour.incidents.testing.OnPostgres;
import dev.detour.incidents.testing.TestDatabase;

import java.util.Map;

@OnPostgres
class EarlierMigrationTextOnPostgresIT extends EarlierMigrationTextContract {
    @Override
    protected Map<String, Object> database() {
        return TestDatabase.postgres();
    }
}
