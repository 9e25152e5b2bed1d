package dev.detour.bot.slack;

import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With {@code SLACK_APP_TOKEN}, Detour opens a Socket Mode connection instead of waiting on a public URL. */
class SocketModeIT {
    private static final String BOT_TOKEN = "xoxb-1234567890-0987654321-abcdefghijklmnopqrstuvwx";
    /** Twice the Slack SDK's default session monitor interval (5 s). */
    private static final Duration SESSION_MONITOR = Duration.ofSeconds(10);
    private static final String APP_TOKEN = "xapp-1-A0DETOUR-1234567890-abcdefabcdefabcdefabcdef";

    @Test
    void anAppTokenMakesDetourAskSlackForASocketModeConnection() {
        try (FakeSlack slack = started();
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(slack, true))) {
            FakeSlack.Call open = slack.awaitCall("apps.connections.open", call -> true, Duration.ofSeconds(10));

            assertEquals(APP_TOKEN, open.token(), "Socket Mode uses the app-level token");
            assertTrue(server.getApplicationContext().containsBean(SocketModeRunner.class));
        }
    }

    @Test
    void aDetourThatHasClosedNeverDialsSlackAgain() throws InterruptedException {
        try (FakeSlack slack = started()) {
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(slack, true));
            slack.awaitCall("apps.connections.open", call -> true, Duration.ofSeconds(10));
            server.close();
            int dialledWhileOpen = slack.calls("apps.connections.open").size();

            Thread.sleep(SESSION_MONITOR.toMillis()); // the Socket Mode client's reconnect check runs this often

            assertEquals(dialledWhileOpen, slack.calls("apps.connections.open").size(),
                    "no new connection asked for after Detour closed");
        }
    }

    @Test
    void withoutAnAppTokenThereIsNoSocketMode() {
        try (FakeSlack slack = FakeSlack.start(BOT_TOKEN);
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(slack, false))) {
            assertFalse(server.getApplicationContext().containsBean(SocketModeRunner.class));
        }
    }

    private static FakeSlack started() {
        FakeSlack slack = FakeSlack.start(BOT_TOKEN);
        slack.acceptAppToken(APP_TOKEN);
        return slack;
    }

    private static Map<String, Object> properties(FakeSlack slack, boolean socketMode) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.h2());
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put("micronaut.server.port", -1);
        properties.put("slack.bot-token", BOT_TOKEN);
        properties.put("slack.signing-secret", "8f742231b10e8888abcd99yyyzzz85a5");
        properties.put("slack.api-url", slack.apiUrl());
        if (socketMode) {
            properties.put("slack.app-token", APP_TOKEN);
        }
        return properties;
    }
}
