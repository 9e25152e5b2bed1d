package dev.detour.notifications.testing;

import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;

import java.util.HashMap;
import java.util.Map;

/**
 * The properties of a test context on its own H2 database with the seed catalog, talking to {@code slack} (whose
 * incident, support and managers channels it adds), whose outbox only the test dispatches.
 */
public final class SlackOnH2 {
    private SlackOnH2() {
    }

    /** A mutable map: a test adds its own settings. */
    public static Map<String, String> properties(FakeSlack slack, String token) {
        slack.addChannel("C0INCIDENTS", true);
        slack.addChannel("C0SUPPORT", true);
        slack.addChannel("C0MANAGERS", true);
        Map<String, String> properties = new HashMap<>();
        TestDatabase.h2().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put("slack.bot-token", token);
        properties.put("slack.api-url", slack.apiUrl());
        properties.put("detour.outbox.first-poll", "1h"); // the test dispatches by hand
        return properties;
    }
}
