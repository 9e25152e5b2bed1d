package dev.detour.bot.ofrep;

import dev.detour.bot.slack.SignedSlack;
import dev.detour.notifications.testing.FakeSlack;
import dev.openfeature.contrib.providers.ofrep.OfrepProvider;
import dev.openfeature.contrib.providers.ofrep.OfrepProviderOptions;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A downstream app's view: the real OpenFeature Java SDK with its OFREP provider, against a running Detour. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenFeatureClientIT implements TestPropertyProvider {
    private static final String DOMAIN = "detour-openfeature-it";
    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);

    @Inject
    EmbeddedServer server;
    private Client client;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        Map<String, String> properties = new HashMap<>(SignedSlack.properties(slack));
        return properties;
    }

    @BeforeAll
    void connectTheApp() throws Exception {
        OfrepProvider provider = OfrepProvider.constructProvider(OfrepProviderOptions.builder()
                .baseUrl(server.getURL().toString()).build());
        OpenFeatureAPI.getInstance().setProviderAndWait(DOMAIN, provider);
        client = OpenFeatureAPI.getInstance().getClient(DOMAIN);
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @Test
    void anAppSeesADisabledModelAndItsFallbackWithinASecondAndThenBothBack() throws Exception {
        SignedSlack requests = new SignedSlack(server.getURI(), slack);
        assertTrue(client.getBooleanValue("model.claude-opus-4-8.enabled", false));
        assertEquals("claude-opus-4-8", client.getStringValue("route.meeting-summary", "unknown"));

        long disabledAt = System.nanoTime();
        assertEquals(200, requests.command(SignedSlack.ALICE, "disable claude-opus-4-8").statusCode());
        long seen = within(Duration.ofSeconds(1), () -> !client.getBooleanValue("model.claude-opus-4-8.enabled", true)
                && "gpt-5".equals(client.getStringValue("route.meeting-summary", "unknown")), disabledAt);
        FlagEvaluationDetails<String> route = client.getStringDetails("route.meeting-summary", "unknown");
        assertEquals("fallback", route.getVariant());
        assertTrue(seen < 1000, seen + " ms");

        long enabledAt = System.nanoTime();
        assertEquals(200, requests.command(SignedSlack.ALICE, "enable claude-opus-4-8").statusCode());
        within(Duration.ofSeconds(1), () -> client.getBooleanValue("model.claude-opus-4-8.enabled", false)
                && "claude-opus-4-8".equals(client.getStringValue("route.meeting-summary", "unknown")), enabledAt);
        assertEquals("primary", client.getStringDetails("route.meeting-summary", "unknown").getVariant());
    }

    /** Polls as an app would until {@code condition} holds; returns the milliseconds it took since {@code from}. */
    private static long within(Duration limit, BooleanSupplier condition, long from) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            long elapsed = (System.nanoTime() - from) / 1_000_000;
            if (elapsed > limit.toMillis()) {
                throw new AssertionError("not seen within " + limit.toMillis() + " ms");
            }
            Thread.sleep(10);
        }
        return (System.nanoTime() - from) / 1_000_000;
    }
}
