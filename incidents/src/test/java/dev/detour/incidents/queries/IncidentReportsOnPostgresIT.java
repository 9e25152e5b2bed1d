package dev.detour.incidents.queries;

import dev.detour.incidents.testing.OnPostgres;
import dev.detour.incidents.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

@OnPostgres
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentReportsOnPostgresIT extends IncidentReportsContract {
    @Override
    protected Map<String, Object> database() {
        return TestDatabase.postgres();
    }
}
