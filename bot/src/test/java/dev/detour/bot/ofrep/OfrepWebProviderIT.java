package dev.detour.bot.ofrep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.bot.slack.SignedSlack;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.testing.Await;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A browser app's view: the real OpenFeature web SDK with its OFREP web provider (npm, run by Node 20) follows the
 * bulk answer's {@code eventStreams} to {@code GET /ofrep/v1/events}; after {@code /detour disable} its
 * {@code ConfigurationChanged} fires and it reads the new value, without polling.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfrepWebProviderIT implements TestPropertyProvider {
    private static final String TOKEN = "api-token-for-the-web-provider-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FLAG = "model.claude-opus-4-8.enabled";

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);

    @Inject
    EmbeddedServer server;
    @Inject
    CleanSlate cleanSlate;
    @Inject
    EventStreams streams;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        Map<String, String> properties = new HashMap<>(SignedSlack.properties(slack));
        properties.put("detour.api-token", TOKEN);
        properties.put("detour.slack.burst", "100");
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @BeforeEach
    void startFromACleanSlate() {
        cleanSlate.restoreAndAwaitDelivery();
    }

    @Test
    void theWebProviderHearsADisableOnTheEventStreamAndReadsTheNewValue() throws Exception {
        int before = streams.connected();
        try (NodeClient app = NodeClient.start(server.getURL().toString(), TOKEN, FLAG, 1)) {
            JsonNode ready = app.await(line -> line.has("ready"), Duration.ofMinutes(3), "the provider ready");
            assertEquals(true, ready.path("value").asBoolean());
            Await.await(() -> streams.connected() > before, WAIT, "the provider to open the event stream");

            assertEquals(200, new SignedSlack(server.getURI(), slack)
                    .command(SignedSlack.ALICE, "disable claude-opus-4-8 -- elevated 529s").statusCode());
            JsonNode changed = app.await(line -> line.has("changed") && !line.path("value").asBoolean(true), WAIT,
                    "ConfigurationChanged with " + FLAG + " false");
            assertEquals(false, changed.path("value").asBoolean(true));
        }
    }
}
