package dev.detour.bot.signals;

import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.application.GatewaySignals;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A provider with {@code auto-disable: true} (docs/routing.md, "Two-person rule"): its signals are policy, not
 * persons, so they switch off at once, and the preview of what they did is part of the change's one decision reply
 * in the incident thread (the models switched off with their evidence, the flags that changed).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutoDisablePreviewIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final FakeSlack slack = SignalTestApp.slack();

    @Inject
    EmbeddedServer server;
    @Inject
    MovableClock clock;
    @Inject
    GatewaySignals gateway;
    @Inject
    CleanSlate cleanSlate;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SignalTestApp.properties(slack);
        properties.put("detour.slack.burst", "100");
        properties.put(SeedConfigFactory.AUTOMATIC_PROVIDER, "anthropic");
        properties.put(SeedConfigFactory.SECOND_APPROVER, "PT10M"); // the two-person rule on: policy is not held
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @BeforeEach
    void startFromACleanSlate() {
        cleanSlate.restoreAndAwaitDelivery();
        slack.clear();
    }

    /** Opus 4.8 and 4.7 at 45% errors, Sonnet 4.6 healthy with more traffic. */
    private static String batch() {
        StringBuilder body = new StringBuilder("{\"outcomes\":[");
        for (String model : List.of("claude-opus-4-8", "claude-opus-4-7", "claude-sonnet-4-6")) {
            boolean healthy = model.equals("claude-sonnet-4-6");
            int requests = healthy ? 60 : 20;
            for (int i = 0; i < requests; i++) {
                boolean failed = !healthy && i < 9;
                body.append(body.charAt(body.length() - 1) == '[' ? "" : ",")
                        .append("{\"provider\":\"anthropic\",\"model\":\"").append(model).append("\",\"ok\":")
                        .append(!failed).append(",\"status\":").append(failed ? 529 : 200)
                        .append(",\"latencyMs\":1840}");
            }
        }
        return body.append("]}").toString();
    }

    @Test
    void anAutoDisableIsNotHeldAndItsDecisionReplyCarriesThePreviewOfWhatItDid() {
        clock.advance(Duration.ofMinutes(5));
        for (int s = 0; s < 120; s += 10) {
            clock.advance(Duration.ofSeconds(10));
            assertEquals(202, SignalTestApp.post(server.getURI(), "/signals/gateway", batch(), SignalTestApp.TOKEN)
                    .statusCode());
        }
        gateway.check();

        FakeSlack.Call reply = slack.awaitCall("chat.postMessage", call -> call.param("thread_ts") != null
                && call.param("text") != null && call.param("text").contains("Detour (by policy) switched off"), WAIT);
        String text = reply.param("text");
        // Not held by the two-person rule: switched off at once, with what it did in the same reply.
        assertTrue(text.contains("*Models switched off*"), text);
        assertTrue(text.contains("Claude Opus 4.8: *failing* · 45.0% errors over"), text);
        assertTrue(text.contains("`model.claude-opus-4-8.enabled`: true → false"), text);
        long approvals = slack.calls("chat.postMessage").stream().filter(call -> call.param("text") != null
                && call.param("text").contains("Approval needed")).count();
        assertEquals(0, approvals, "policy is not held by the two-person rule");
        long replies = slack.calls("chat.postMessage").stream().filter(call -> call.param("thread_ts") != null
                && call.param("text") != null && call.param("text").contains("switched off")).count();
        assertEquals(1, replies, "one reply for the decision, the preview inside it");
    }
}
