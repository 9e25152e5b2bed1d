package dev.detour.bot.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.incidents.testing.LocalPostgres;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.WithLocalPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * PostgreSQL stops under a running Detour: readiness stays UP and answers at once, so the replica stays in the
 * Service and keeps serving flags, while {@code /health} says within seconds that the database is down, and UP
 * again once it is back.
 */
@WithLocalPostgres
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthDuringOutageIT implements TestPropertyProvider {
    private static final Duration AT_ONCE = Duration.ofSeconds(1);
    private static final Duration SAYS_DOWN_WITHIN = Duration.ofSeconds(5);
    private static final Duration WATCHED = Duration.ofSeconds(8);
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalPostgres postgres;
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        postgres = LocalPostgres.start();
        Map<String, String> properties = SeedConfigFactory.properties(postgres.datasource());
        properties.put(SeedConfigFactory.REAL_CLOCK, "true");
        return properties;
    }

    @AfterAll
    void stopPostgres() {
        postgres.close();
    }

    @Test
    void withPostgresStoppedReadinessStaysUpAtOnceAndHealthSaysTheDatabaseIsDownWithinFiveSeconds()
            throws Exception {
        awaitDatabase("UP", Duration.ofSeconds(10));

        postgres.stop();
        long stopped = System.nanoTime();
        long saidDown = -1;
        long slowestReadiness = 0;
        long slowestHealth = 0;
        while (System.nanoTime() - stopped < WATCHED.toNanos()) {
            long asked = System.nanoTime();
            HttpResponse<String> readiness = get("/health/readiness");
            slowestReadiness = Math.max(slowestReadiness, System.nanoTime() - asked);
            assertEquals(200, readiness.statusCode(), readiness.body());
            assertEquals("UP", JSON.readTree(readiness.body()).path("status").asText(), readiness.body());

            asked = System.nanoTime();
            HttpResponse<String> health = get("/health");
            slowestHealth = Math.max(slowestHealth, System.nanoTime() - asked);
            JsonNode database = JSON.readTree(health.body()).path("details").path("database");
            if (saidDown < 0 && database.path("status").asText().equals("DOWN")) {
                saidDown = System.nanoTime() - stopped;
                assertEquals(503, health.statusCode(), "/health is DOWN with its database: " + health.body());
                assertTrue(database.path("details").has("problem"), database.toString());
            }
            HttpResponse<String> flag = post("/ofrep/v1/evaluate/flags/model.claude-opus-4-8.enabled");
            assertEquals(200, flag.statusCode(), "flags are served meanwhile: " + flag.body());
            Thread.sleep(100);
        }
        System.out.printf("[health] database said down %d ms after PostgreSQL stopped; slowest readiness %d ms,"
                + " slowest /health %d ms%n", saidDown / 1_000_000, slowestReadiness / 1_000_000,
                slowestHealth / 1_000_000);
        assertTrue(saidDown >= 0 && saidDown < SAYS_DOWN_WITHIN.toNanos(), "database said down after " + saidDown);
        assertTrue(slowestReadiness < AT_ONCE.toNanos(), "readiness took " + slowestReadiness / 1_000_000 + " ms");
        assertTrue(slowestHealth < AT_ONCE.toNanos(), "/health took " + slowestHealth / 1_000_000 + " ms");

        postgres.startServer();
        awaitDatabase("UP", Duration.ofSeconds(15));
    }

    private void awaitDatabase(String status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = get("/health").body();
            if (JSON.readTree(last).path("details").path("database").path("status").asText().equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the database is not " + status + " in /health within " + within + ": " + last);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(40)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(40)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"context\":{}}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
