package dev.detour.bot.api;

import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bodies built to trip a JSON parser (numbers and nesting beyond its limits, cut-off JSON, control characters,
 * bytes that are not UTF-8) get a 4xx from every endpoint that reads JSON, and no answer quotes the parser's
 * internals: its classes, its settings or its {@code REDACTED} source.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileBodiesIT implements TestPropertyProvider {
    private static final String TOKEN = "signal-and-api-token-0123456789";
    private static final List<String> INTERNALS = List.of("StreamReadConstraints", "REDACTED", "com.fasterxml",
            "Exception", "`", "java.", "io.micronaut", "dev.detour", "Source:", "jackson");
    private static final List<String> ENDPOINTS = List.of("/signals/gateway", "/signals/alertmanager",
            "/signals/statuspage/anthropic", "/ofrep/v1/evaluate/flags", "/ofrep/v1/evaluate/flags/model.gpt-5.enabled",
            "/api/preview");

    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        TestDatabase.h2().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put("detour.signal-token", TOKEN);
        properties.put("detour.api-token", TOKEN);
        properties.put("detour.statuspage.poll", "false");
        return properties;
    }

    private static List<byte[]> hostileBodies() {
        List<String> texts = List.of(
                "{\"outcomes\":[{\"model\":\"gpt-5\",\"status\":" + "9".repeat(1001) + "}],\"alerts\":[],"
                        + "\"incident\":{}}",
                "{\"outcomes\":[{\"model\":\"gpt-5\",\"ok\":false,\"status\":3000000000}]}",
                "{\"alerts\":" + "[".repeat(1001) + "]".repeat(1001) + "}",
                "{\"context\":" + "{\"a\":".repeat(1001) + "1" + "}".repeat(1001) + "}",
                "{\"alerts\": [", "{\"outcomes\":[{\"model\":,}]}", "\u0000", "[1,2,3]", "\"text\"", "nul");
        List<byte[]> bodies = new ArrayList<>();
        texts.forEach(text -> bodies.add(text.getBytes(StandardCharsets.UTF_8)));
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'});
        return bodies;
    }

    private HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyEndpointThatReadsJsonAnswersHostileBodiesWithA4xxInItsOwnWords() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String endpoint : ENDPOINTS) {
            for (byte[] body : hostileBodies()) {
                HttpResponse<String> response = post(endpoint, body);
                String sent = new String(body, 0, Math.min(body.length, 40), StandardCharsets.UTF_8);
                if (response.statusCode() >= 500) {
                    failures.add(endpoint + " " + sent + " -> " + response.statusCode() + " " + response.body());
                }
                for (String internal : INTERNALS) {
                    if (response.body().contains(internal)) {
                        failures.add(endpoint + " " + sent + " -> quotes '" + internal + "': " + response.body());
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }
}
