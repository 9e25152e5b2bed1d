package dev.detour.bot.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.metrics.PrometheusText;
import dev.detour.bot.slack.SignedSlack;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code /health} tells each part apart, from what the background checker last found, while
 * {@code /health/readiness} asks only what serving flags needs. Here Slack posts are never dispatched (so one
 * waits past its bound) and one scheduled job fails on every run.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthIT implements TestPropertyProvider {
    static final String SPEC = "HealthIT";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;
    @Inject
    IncidentService incidents;

    /** A job that fails on every run, as one whose dependency is gone would. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static class AlwaysFailing {
        @Job("always-failing")
        @Scheduled(fixedDelay = "100ms")
        void run() {
            throw new IllegalStateException("the thing this job needs is gone");
        }
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(SignedSlack.properties(slack));
        properties.put("spec.name", SPEC);
        properties.put("detour.outbox.first-poll", "1h"); // Slack posts wait in the outbox
        properties.put("detour.signals.gateway-check", "1h");
        properties.put("detour.health.slack-delivery-bound", "2s");
        properties.put("detour.health.job-grace", "1s");
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    @Test
    void aJobThatKeepsFailingIsDownInHealthWithItsLastFailureWhileReadinessStaysUp() throws Exception {
        JsonNode job = awaitHealth(health -> health.path("details").path("jobs").path("details")
                .path("always-failing").path("status").asText().equals("DOWN"))
                .path("details").path("jobs").path("details").path("always-failing");

        assertTrue(job.path("lastFailure").path("what").asText().contains("the thing this job needs is gone"),
                job.toString());
        assertEquals(100, job.path("periodMs").asLong(), job.toString());
        HttpResponse<String> health = get("/health");
        assertEquals(503, health.statusCode(), "a late job makes /health DOWN: " + health.body());
        HttpResponse<String> readiness = get("/health/readiness");
        assertEquals(200, readiness.statusCode(), readiness.body());
        assertEquals("UP", JSON.readTree(readiness.body()).path("status").asText(), readiness.body());
        PrometheusText metrics = PrometheusText.parse(get("/metrics").body());
        assertEquals(Optional.of(0.0), metrics.value("detour_job_up", Map.of("job", "always-failing")));
        assertEquals(Optional.of(0.0), metrics.value("detour_health_up", Map.of("part", "jobs")));
        assertTrue(metrics.value("detour_job_seconds_since_completed", Map.of("job", "always-failing")).orElseThrow()
                > 1.0);
    }

    @Test
    void aSlackPostWaitingLongerThanItsBoundMakesSlackDeliveryDown() throws Exception {
        incidents.openOrJoin(IncidentKind.OUTAGE, "Opus 4.8 fails", List.of(Target.model(new ModelId(
                "claude-opus-4-8"))), Actor.user("U0ALICE"));

        JsonNode delivery = awaitHealth(health -> health.path("details").path("slackDelivery").path("status")
                .asText().equals("DOWN")).path("details").path("slackDelivery");

        assertTrue(delivery.path("details").path("pending").asLong() >= 1, delivery.toString());
        assertTrue(delivery.path("details").path("oldestPendingSeconds").asLong() >= 2, delivery.toString());
        assertEquals(2, delivery.path("details").path("boundSeconds").asLong(), delivery.toString());
        PrometheusText metrics = PrometheusText.parse(get("/metrics").body());
        assertEquals(Optional.of(0.0), metrics.value("detour_health_up", Map.of("part", "slack_delivery")));
    }

    @Test
    void readinessIsTheServerAndTheFlagSnapshotAndHealthShowsEveryPartSeparately() throws Exception {
        // The checker's first findings may come before a job's first run: wait for both (a busy machine).
        JsonNode health = awaitHealth(body -> body.path("details").path("database").path("status").asText()
                .equals("UP") && body.path("details").path("jobs").path("details").path("flags-sync")
                .path("status").asText().equals("UP"));
        for (String part : List.of("database", "slackDelivery", "jobs", "flags")) {
            assertFalse(health.path("details").path(part).isMissingNode(), part + " in " + health);
        }
        assertFalse(health.path("details").has("jdbc"), "the built-in JDBC check, which could hang, is off");
        assertEquals(50, health.path("details").path("jobs").path("details").path("slack-outbox").path("periodMs")
                .asLong(), "a job's period is its @Scheduled delay, as configured: " + health);
        assertTrue(health.path("details").path("flags").path("details").has("snapshotAgeSeconds"),
                health.toString());

        JsonNode readiness = JSON.readTree(get("/health/readiness").body());
        assertEquals("UP", readiness.path("status").asText(), readiness.toString());
        for (String part : List.of("database", "slackDelivery", "jobs")) {
            assertFalse(readiness.path("details").has(part), part + " is not part of readiness: " + readiness);
        }
        assertTrue(readiness.path("details").has("flags"), readiness.toString());
        PrometheusText metrics = PrometheusText.parse(get("/metrics").body());
        assertEquals(Optional.of(1.0), metrics.value("detour_health_up", Map.of("part", "database")));
        assertEquals(Optional.of(1.0), metrics.value("detour_health_up", Map.of("part", "flags")));
        assertTrue(metrics.value("detour_flags_snapshot_age_seconds", Map.of()).isPresent(), "snapshot age");
        assertEquals(Optional.of(1.0), metrics.value("detour_job_up", Map.of("job", "flags-sync")));
    }

    private JsonNode awaitHealth(Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = get("/health").body();
            JsonNode health = JSON.readTree(last);
            if (condition.test(health)) {
                return health;
            }
            Thread.sleep(100);
        }
        return fail("not seen within " + WAIT + ": " + last);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
