package dev.detour.incidents.persistence;

import dev.detour.incidents.testing.TestDatabase;

import java.util.Map;

class SupportPostMigrationOnH2IT extends SupportPostMigrationContract {
    @Override
    protected Map<String, Object> database() {
        return TestDatabase.h2();
    }

    @Override
    protected String vendor() {
        return "h2";
    }
}
