package dev.detour.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The packaged {@code bot/target/detour.jar}, started the way an operator starts it. */
class DetourJarIT {
    private static final Path JAR = Path.of("target", "detour.jar").toAbsolutePath();

    @TempDir
    Path workingDirectory;

    @Test
    void theJarServesTheExampleCatalogOnEmbeddedDefaults() throws Exception {
        int port = freePort();
        Process detour = start(Map.of("MICRONAUT_SERVER_PORT", String.valueOf(port)));
        try {
            HttpClient http = HttpClient.newHttpClient();
            awaitHealthy(http, port, detour);

            String status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String id : new String[] {"anthropic", "openai", "claude-opus-4-8", "claude-opus-4-7", "gpt-5",
                    "meeting-summary", "code-migration", "legal-review"}) {
                assertTrue(status.contains("\"" + id + "\""), id + " in " + status);
            }
            assertTrue(Files.isDirectory(workingDirectory.resolve("data")), "the H2 file lives under ./data");
        } finally {
            detour.destroy();
            assertTrue(detour.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
        }
    }

    @Test
    void aBrokenConfigStopsStartUpWithOneLineNamingFileAndLine() throws Exception {
        Path config = workingDirectory.resolve("broken.yml");
        Files.writeString(config, """
                detour:
                  providers:
                    - id: anthropic
                      models:
                        - { id: claude-opus-4-8 }
                  task-classes:
                    - { id: meeting-summary, route: [claude-opus-4-9], failover: auto }
                  slack:
                    incident-channel: C0INCIDENTS
                    on-call: [U0ALICE]
                """);
        Process detour = start(Map.of("DETOUR_CONFIG", config.toString(),
                "MICRONAUT_SERVER_PORT", String.valueOf(freePort())));

        assertTrue(detour.waitFor(30, TimeUnit.SECONDS), "exits by itself");
        String output = output();
        assertEquals(2, detour.exitValue(), output);
        assertTrue(output.contains(config + ":7:"), output);
        assertTrue(output.contains("claude-opus-4-9"), output);
        assertFalse(output.contains("Exception"), output);
    }

    @Test
    void aConfigFileThatDoesNotExistIsNamed() throws Exception {
        Process detour = start(Map.of("DETOUR_CONFIG", "/nowhere/detour.yml",
                "MICRONAUT_SERVER_PORT", String.valueOf(freePort())));

        assertTrue(detour.waitFor(30, TimeUnit.SECONDS), "exits by itself");
        String output = output();
        assertEquals(2, detour.exitValue(), output);
        assertTrue(output.contains("/nowhere/detour.yml"), output);
    }

    private Process start(Map<String, String> environment) throws IOException {
        assertTrue(Files.isRegularFile(JAR), "run `./mvnw verify`: failsafe tests need the packaged jar");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                // A file, not a pipe: nobody reads a pipe while the server runs, and a full one would block it.
                .redirectOutput(workingDirectory.resolve("detour.log").toFile());
        // The jar must run on its own defaults, whatever the machine running the tests has set.
        builder.environment().keySet().removeIf(name -> name.startsWith("DATASOURCES_") || name.startsWith("DETOUR_")
                || name.startsWith("SLACK_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private String output() throws IOException {
        return Files.readString(workingDirectory.resolve("detour.log"), StandardCharsets.UTF_8);
    }

    private void awaitHealthy(HttpClient http, int port, Process detour) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        while (System.nanoTime() < deadline) {
            if (!detour.isAlive()) {
                fail("detour exited: " + output());
            }
            try {
                if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        fail("detour did not become healthy within 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
