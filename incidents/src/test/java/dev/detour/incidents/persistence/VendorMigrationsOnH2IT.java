package dev.detour.incidents.persistence;

import dev.detour.incidents.testing.TestDatabase;

import java.util.Map;

/** H2 commits at every DDL statement, so each migration keeps its own transaction there. */
class VendorMigrationsOnH2IT extends VendorMigrationsContract {
    private final Map<String, Object> database = TestDatabase.h2();

    @Override
    protected Map<String, Object> database() {
        return database;
    }

    @Override
    protected String vendor() {
        return "h2";
    }

    @Override
    protected boolean grouped() {
        return false;
    }
}
