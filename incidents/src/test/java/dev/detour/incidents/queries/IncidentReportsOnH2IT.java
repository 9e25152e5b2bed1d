package dev.detour.incidents.queries;

import dev.detour.incidents.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentReportsOnH2IT extends IncidentReportsContract {
    @Override
    protected Map<String, Object> database() {
        return TestDatabase.h2();
    }
}
