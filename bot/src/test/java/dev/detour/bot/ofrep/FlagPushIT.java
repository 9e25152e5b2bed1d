package dev.detour.bot.ofrep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A webhook sink that fails gets every change exactly once and in order, even across a restart of Detour. */
class FlagPushIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aSinkThatFailsThreeTimesGetsEachChangeOnceInOrderAcrossARestart() throws Exception {
        try (WebhookReceiver webhook = new WebhookReceiver(FlagsIT.SECRET)) {
            Map<String, Object> properties = new HashMap<>(TestDatabase.h2());
            properties.put(SeedConfigFactory.ENABLED, "true");
            properties.put(SeedConfigFactory.REAL_CLOCK, "true"); // retries wait real seconds
            properties.put(SeedConfigFactory.WEBHOOK_SINK, webhook.url().toString());
            properties.put(TestSecrets.PROPERTY, FlagsIT.SECRET);
            properties.put("detour.outbox.poll", "50ms");
            properties.put("detour.outbox.first-poll", "0s");
            webhook.failNext(3);

            try (ApplicationContext first = ApplicationContext.run(properties)) {
                AvailabilityService availability = first.getBean(AvailabilityService.class);
                Actor alice = Actor.user("U0ALICE");
                availability.disable(List.of(Target.model(SeedCatalog.GPT_5)), alice, Optional.of("first"));
                availability.enable(List.of(Target.model(SeedCatalog.GPT_5)), alice, Optional.of("second"));
                availability.disable(List.of(Target.provider(SeedCatalog.OPENAI)), alice, Optional.of("third"));
                Await.await(() -> webhook.attempts() >= 2, WAIT, "two failed attempts at the sink");
                assertTrue(webhook.deliveries().isEmpty());
            } // Detour stops after two failed attempts, with every push still waiting in the outbox

            try (ApplicationContext second = ApplicationContext.run(properties)) {
                webhook.awaitFlag("provider.openai.enabled", "false", WAIT);
            }

            // The first start sets up every route (one push), then the three changes, one push each.
            List<WebhookReceiver.Delivery> deliveries = webhook.deliveries();
            assertEquals(4, deliveries.size(), "each change delivered once: " + deliveries);
            assertEquals(4, deliveries.stream().map(WebhookReceiver.Delivery::idempotencyKey).distinct().count());
            assertEquals("primary", variant(deliveries.get(0), "route.meeting-summary"));
            assertEquals("false", changed(deliveries.get(1), "model.gpt-5.enabled"));
            assertEquals("true", changed(deliveries.get(2), "model.gpt-5.enabled"));
            assertEquals("false", changed(deliveries.get(3), "provider.openai.enabled"));
            assertTrue(deliveries.get(0).attempt() > 3, "the first one came after three failures");
            assertEquals(0, webhook.badSignatures());
        }
    }

    @Test
    void slackBeingDownNeverDelaysAFlagChange() throws Exception {
        try (WebhookReceiver webhook = new WebhookReceiver(FlagsIT.SECRET)) {
            Map<String, Object> properties = new HashMap<>(TestDatabase.h2());
            properties.put(SeedConfigFactory.ENABLED, "true");
            properties.put(SeedConfigFactory.REAL_CLOCK, "true");
            properties.put(SeedConfigFactory.WEBHOOK_SINK, webhook.url().toString());
            properties.put(TestSecrets.PROPERTY, FlagsIT.SECRET);
            properties.put("detour.outbox.poll", "50ms");
            properties.put("detour.outbox.first-poll", "0s");
            properties.put("slack.bot-token", "xoxb-1234567890-0987654321-abcdefghijklmnopqrstuvwx");
            properties.put("slack.api-url", "http://127.0.0.1:9/api/"); // nothing listens: Slack is down

            try (ApplicationContext detour = ApplicationContext.run(properties)) {
                detour.getBean(AvailabilityService.class).disable(List.of(Target.model(SeedCatalog.GPT_5)),
                        Actor.user("U0ALICE"), Optional.of("slack is down too"));
                webhook.awaitFlag("model.gpt-5.enabled", "false", WAIT);

                // The push did not wait for Slack: the Slack posts of the same change are still undelivered.
                // (How fast a flag flips is measured by bench/flip.sh, not by a timing in this test.)
                var outbox = detour.getBean(dev.detour.incidents.ports.OutboxQueue.class);
                assertTrue(outbox.pending("slack.", 100).size() > 0, "Slack posts still wait when the flag is out");
                Await.await(() -> outbox.pending("slack.", 1).get(0).attempts() > 0, WAIT,
                        "a first attempt at Slack");
                var waiting = outbox.pending("slack.", 100);
                assertTrue(waiting.get(0).attempts() > 0 && waiting.get(0).lastError() != null,
                        "the Slack posts wait for Slack, which was tried: " + waiting);
            }
        }
    }

    private static String variant(WebhookReceiver.Delivery delivery, String key) {
        for (JsonNode flag : delivery.body().path("changed")) {
            if (flag.path("key").asText().equals(key)) {
                return flag.path("variant").asText();
            }
        }
        throw new AssertionError(key + " is not in " + delivery.body());
    }

    private static String changed(WebhookReceiver.Delivery delivery, String key) {
        for (JsonNode flag : delivery.body().path("changed")) {
            if (flag.path("key").asText().equals(key)) {
                return flag.path("value").asText();
            }
        }
        throw new AssertionError(key + " is not in " + delivery.body());
    }
}
