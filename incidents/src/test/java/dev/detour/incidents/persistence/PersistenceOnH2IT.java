package dev.detour.incidents.persistence;

import dev.detour.incidents.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersistenceOnH2IT extends PersistenceContract {
    @Override
    protected Map<String, Object> database() {
        return TestDatabase.h2();
    }

    @Test
    void theH2MigrationInstallsItsOwnAuditGuard() throws SQLException {
        try (Connection connection = connectAsAnOperatorWould(); Statement statement = connection.createStatement();
             ResultSet triggers = statement.executeQuery("SELECT trigger_name FROM information_schema.triggers"
                     + " WHERE event_object_table = 'audit_record'")) {
            assertTrue(triggers.next(), "the vendor migration for H2 ran");
        }
    }
}
