package dev.detour.incidents.persistence;

import dev.detour.incidents.testing.TestDatabase;

import java.util.Map;

class BaselineMigrationOnH2IT extends BaselineMigrationContract {
    @Override
    protected Map<String, Object> database() {
        return TestDatabase.h2();
    }

    @Override
    protected SchemaDump schema() {
        return new H2SchemaDump();
    }
}
