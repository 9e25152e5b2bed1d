package dev.detour.incidents.application;

import dev.detour.incidents.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusPageReadabilityOnH2IT extends StatusPageReadabilityContract {
    @Override
    protected Map<String, Object> database() {
        return TestDatabase.h2();
    }
}
