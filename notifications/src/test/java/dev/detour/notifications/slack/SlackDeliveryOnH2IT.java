package dev.detour.notifications.slack;

import dev.detour.incidents.testing.TestDatabase;

import java.util.Map;

class SlackDeliveryOnH2IT extends SlackDeliveryContract {
    @Override
    protected Map<String, Object> database() {
        return TestDatabase.h2();
    }
}
