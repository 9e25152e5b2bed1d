package dev.detour.notifications.slack;

import dev.detour.incidents.testing.OnPostgres;
import dev.detour.incidents.testing.TestDatabase;

import java.util.Map;

@OnPostgres
class SlackDeliveryOnPostgresIT extends SlackDeliveryContract {
    @Override
    protected Map<String, Object> database() {
        return TestDatabase.postgres();
    }
}
