package dev.detour.incidents.persistence;

import dev.detour.incidents.testing.TestDatabase;

import java.util.Map;

class EarlierMigrationTextOnH2IT extends EarlierMigrationTextContract {
    @Override
    protected Map<String, Object> database() {
        return TestDatabase.h2();
    }
}
