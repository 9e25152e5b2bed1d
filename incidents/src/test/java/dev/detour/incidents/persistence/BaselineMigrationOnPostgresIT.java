package dev.detour.incidents.persistence;

import dev.detour.incidents.testing.OnPostgres;
import dev.detour.incidents.testing.TestDatabase;

import java.util.Map;

@OnPostgres
class BaselineMigrationOnPostgresIT extends BaselineMigrationContract {
    @Override
    protected Map<String, Object> database() {
        return TestDatabase.postgres();
    }

    @Override
    protected SchemaDump schema() {
        return new PostgresSchemaDump();
    }
}
