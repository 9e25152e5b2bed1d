package dev.detour.incidents.persistence;

import dev.detour.incidents.testing.OnPostgres;
import dev.detour.incidents.testing.TestDatabase;

import java.util.Map;

@OnPostgres
class VendorMigrationsOnPostgresIT extends VendorMigrationsContract {
    private final Map<String, Object> database = TestDatabase.postgres();

    @Override
    protected Map<String, Object> database() {
        return database;
    }

    @Override
    protected String vendor() {
        return "postgresql";
    }

    @Override
    protected boolean grouped() {
        return true;
    }
}
