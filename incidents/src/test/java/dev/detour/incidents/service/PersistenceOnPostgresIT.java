package dev.detour.incidents.service;

import dev.detour.incidents.testing.OnPostgres;
import dev.detour.incidents.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;

@OnPostgres
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersistenceOnPostgresIT extends PersistenceContract {
    @Override
    protected Map<String, Object> database() {
        return TestDatabase.postgres();
    }

    @Test
    void postgresAlsoRefusesToTruncateTheAuditTrail() throws SQLException {
        try (Connection connection = connectAsAnOperatorWould(); Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.execute("TRUNCATE audit_record"));
        }
    }
}
