package dev.detour.bot.publicstatus;

import dev.detour.incidents.testing.OnPostgres;
import dev.detour.incidents.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** {@link PublicStatusIT} on PostgreSQL (with {@code CI=true}): the support posts are read with its SQL too. */
@OnPostgres
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicStatusOnPostgresIT extends PublicStatusIT {
    @Override
    protected Map<String, Object> database() {
        return TestDatabase.postgres();
    }
}
