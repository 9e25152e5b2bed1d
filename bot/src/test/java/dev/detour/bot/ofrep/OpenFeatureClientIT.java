package dev.detour.bot.ofrep;

import dev.detour.bot.slack.SignedSlack;
import dev.detour.incidents.testing.Await;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A downstream app's view: the real OpenFeature Java SDK with its OFREP provider, against a running Detour. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenFeatureClientIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(10);
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
    void anAppSeesADisabledModelAndItsFallbackAndThenBothBack() {
        SignedSlack requests = new SignedSlack(server.getURI(), slack);
        assertTrue(client.getBooleanValue("model.claude-opus-4-8.enabled", false));
        assertEquals("claude-opus-4-8", client.getStringValue("route.meeting-summary", "unknown"));

        // How soon an app sees a change (under a second) is measured by bench/flip.sh, not by this test.
        assertEquals(200, requests.command(SignedSlack.ALICE, "disable claude-opus-4-8").statusCode());
        Await.await(() -> !client.getBooleanValue("model.claude-opus-4-8.enabled", true)
                && "gpt-5".equals(client.getStringValue("route.meeting-summary", "unknown")), WAIT,
                "the app to see claude-opus-4-8 off and meeting-summary on gpt-5");
        FlagEvaluationDetails<String> route = client.getStringDetails("route.meeting-summary", "unknown");
        assertEquals("fallback", route.getVariant());

        assertEquals(200, requests.command(SignedSlack.ALICE, "enable claude-opus-4-8").statusCode());
        Await.await(() -> client.getBooleanValue("model.claude-opus-4-8.enabled", false)
                && "claude-opus-4-8".equals(client.getStringValue("route.meeting-summary", "unknown")), WAIT,
                "the app to see claude-opus-4-8 on and meeting-summary back on it");
        assertEquals("primary", client.getStringDetails("route.meeting-summary", "unknown").getVariant());
    }

}
