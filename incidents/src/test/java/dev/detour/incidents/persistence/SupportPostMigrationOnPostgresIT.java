package dev.detour.incidents.persistence;

import dev.detour.incidents.testing.OnPostgres;
import dev.detour.incidents.testing.TestDatabase;

import java.util.Map;

@OnPostgres
class SupportPostMigrationOnPostgresIT extends SupportPostMigrationContract {
    @Override
    protected Map<String, Object> database() {
        return TestDatabase.postgres();
    }

    @Override
    protected String vendor() {
        return "postgresql";
    }
}
