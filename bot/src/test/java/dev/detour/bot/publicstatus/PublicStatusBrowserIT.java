package dev.detour.bot.publicstatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.application.RoutingOutcome;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public status page in a real browser: Debian's headless Chromium renders {@code /status} with nothing
 * wrong, during an incident and after it is resolved (and the resolved incident's own page), at 1280 and 390 px,
 * in the light and dark schemes; axe-core finds no violation in any of them. Screenshots land in
 * {@code bot/target/status-screenshots/} for people to look at. The Node script and its locked packages are in
 * {@code src/test/browser}; {@code .ci/run} installs Chromium where it is missing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicStatusBrowserIT implements TestPropertyProvider {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCRIPT_SOURCE = Path.of("src/test/browser");
    private static final Path WORK = Path.of("target/status-browser");
    private static final Path SCREENSHOTS = Path.of("target/status-screenshots");
    private static final Actor ALICE = Actor.user("U0ALICE");
    private static final Duration READING_RENEWED = PublicStatusReader.FRESH_FOR.multipliedBy(3);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    AvailabilityService availability;

    @Inject
    IncidentService incidents;

    @Inject
    MovableClock clock;

    @Inject
    ObjectMapper json;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        TestDatabase.h2().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put("detour.status.organization", "Example Corp");
        properties.put("detour.status.contact-url", "mailto:support@example.com");
        return properties;
    }

    @Test
    void everyStateRendersWithoutAccessibilityViolationsAtBothWidthsAndInBothSchemes() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: `apt-get install chromium` (.ci/run does)");
        Path script = installScript();
        List<JsonNode> results = new ArrayList<>();

        // Three weeks of history on the usual model.
        clock.advance(Duration.ofDays(21));
        awaitReading(status -> "operational".equals(status.get("state").asText()));
        results.addAll(check(script, Map.of("normal", "/status")));

        RoutingOutcome.Applied disabled = assertInstanceOf(RoutingOutcome.Applied.class, availability.disable(
                List.of(Target.model(OPUS_48), Target.model(OPUS_47)), ALICE, Optional.of("elevated 529s")));
        IncidentId incident = disabled.incident().orElseThrow().id();
        clock.advance(Duration.ofMinutes(12));
        assertInstanceOf(IncidentChange.Applied.class, incidents.postUpdate(incident,
                UpdateText.forCustomers("Requests to Claude fail; <@U0ALICE|alice> is on it."), ALICE));
        clock.advance(Duration.ofMinutes(3));
        awaitReading(status -> "degraded".equals(status.get("state").asText()));
        results.addAll(check(script, Map.of("incident", "/status")));

        clock.advance(Duration.ofHours(2));
        availability.enable(List.of(Target.model(OPUS_48), Target.model(OPUS_47)), ALICE, Optional.of("recovered"));
        assertInstanceOf(IncidentChange.Applied.class, incidents.resolve(incident, ALICE, "Claude is back"));
        clock.advance(Duration.ofMinutes(20));
        JsonNode resolved = awaitReading(status -> status.get("incidents").size() == 1
                && !status.get("incidents").get(0).get("resolved").isNull());
        String incidentPage = Path.of(java.net.URI.create(resolved.get("incidents").get(0).get("url").asText())
                .getPath()).toString();
        results.addAll(check(script, Map.of("resolved", "/status", "resolved-incident", incidentPage)));

        assertEquals(3 * 2 * 2 + 2 * 2, results.size(), "every page at both widths in both schemes");
        for (JsonNode page : results) {
            String which = page.get("name").asText() + " at " + page.get("width").asInt() + " px, "
                    + page.get("scheme").asText();
            assertEquals(0, page.get("violations").size(), which + ": " + page.get("violations"));
            assertFalse(page.get("metaRefresh").asBoolean(), which + " reloads itself");
            assertEquals(0, page.get("scripts").asInt(), which + " has a script");
            assertFalse(page.get("overflowX").asBoolean(), which + " scrolls sideways");
            assertTrue(Files.size(Path.of(page.get("screenshot").asText())) > 0, which);
            if (!page.get("name").asText().equals("resolved-incident")) {
                assertEquals(3, page.get("features").asInt(), which + " lists every feature");
                assertEquals(3, page.get("strips").asInt(), which + " draws a strip per feature");
                assertEquals(3 * 90, page.get("days").asInt(), which + " draws 90 days per feature");
            }
        }
    }

    /** Waits until the shared reading (kept {@link PublicStatusReader#FRESH_FOR}) is one taken after the change. */
    private JsonNode awaitReading(java.util.function.Predicate<JsonNode> shows) {
        Instant now = clock.instant();
        return Await.await(() -> json.readTree(http.toBlocking().retrieve("/status.json")),
                status -> Instant.parse(status.get("updated").asText()).equals(now) && shows.test(status),
                READING_RENEWED, "a reading of the status taken at " + now);
    }

    /** Copies the script and its lockfile under target/ and installs exactly the locked packages there. */
    private static Path installScript() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "check-status-page.js")) {
            Files.copy(SCRIPT_SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"),
                Duration.ofMinutes(5));
        return WORK.resolve("check-status-page.js");
    }

    private List<JsonNode> check(Path script, Map<String, String> pages) throws Exception {
        Map<String, Object> request = new HashMap<>();
        request.put("chromium", CHROMIUM.toString());
        request.put("screenshots", SCREENSHOTS.toAbsolutePath().toString());
        request.put("widths", List.of(1280, 390));
        List<Map<String, String>> targets = new ArrayList<>();
        pages.forEach((name, path) -> targets.add(Map.of("name", name,
                "url", "http://127.0.0.1:" + server.getPort() + path)));
        request.put("pages", targets);
        Path requestFile = WORK.resolve("request-" + String.join("-", pages.keySet()) + ".json");
        Files.writeString(requestFile, json.writeValueAsString(request));
        String output = run(List.of("node", script.getFileName().toString(),
                requestFile.getFileName().toString()), Duration.ofMinutes(3));
        List<JsonNode> results = new ArrayList<>();
        json.readTree(output).get("pages").forEach(results::add);
        return results;
    }

    /** Runs a command in {@link #WORK}; its standard output, or a failure with both outputs and the deadline. */
    private static String run(List<String> command, Duration deadline) throws IOException, InterruptedException {
        Path out = Files.createTempFile("detour-browser-out", ".txt");
        Path err = Files.createTempFile("detour-browser-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(WORK.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(deadline.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " took longer than " + deadline + ":\n" + Files.readString(err));
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), command + " failed:\n" + Files.readString(err) + stdout);
            return stdout;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
