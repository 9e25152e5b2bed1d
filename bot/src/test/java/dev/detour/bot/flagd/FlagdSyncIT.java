package dev.detour.bot.flagd;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.slack.SignedSlack;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.notifications.testing.FakeSlack;
import dev.openfeature.contrib.providers.flagd.Config;
import dev.openfeature.contrib.providers.flagd.FlagdOptions;
import dev.openfeature.contrib.providers.flagd.FlagdProvider;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * flagd's HTTP sync source against a running Detour: the document is the one the flagd file sink writes, its
 * ETag is strong and a match is a 304, the API token guards it, and flagd's own evaluator reads a change from it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlagdSyncIT implements TestPropertyProvider {
    private static final String TOKEN = "api-token-for-flagd-sync-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
    private final HttpClient http = HttpClient.newHttpClient();
    private final Path flagFile = folder().resolve("flags.json");

    @Inject
    EmbeddedServer server;
    @Inject
    CleanSlate cleanSlate;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        Map<String, String> properties = new HashMap<>(SignedSlack.properties(slack));
        properties.put("detour.api-token", TOKEN);
        properties.put(SeedConfigFactory.FILE_SINK, flagFile.toString());
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
    void theDocumentIsWhatTheFlagdFileSinkWritesWithAStrongEtag() throws Exception {
        disable("claude-opus-4-7");
        String served = Await.await(() -> get(Map.of("Authorization", "Bearer " + TOKEN)).body(),
                body -> variant(body, "model.claude-opus-4-7.enabled").equals("off") && fileHolds(body), WAIT,
                "the served document to show the change and equal the flagd file");
        assertEquals("off", variant(served, "model.claude-opus-4-7.enabled"));

        HttpResponse<String> response = get(Map.of("Authorization", "Bearer " + TOKEN));
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "a strong ETag: " + etag);
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<String> again = get(Map.of("Authorization", "Bearer " + TOKEN, "If-None-Match", etag));
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());

        HttpResponse<String> stale = get(Map.of("Authorization", "Bearer " + TOKEN, "If-None-Match", "\"old\""));
        assertEquals(200, stale.statusCode());
    }

    @Test
    void withoutTheTokenTheDocumentIsRefusedWithJson() throws Exception {
        HttpResponse<String> response = get(Map.of());
        assertEquals(401, response.statusCode());
        assertEquals("unauthorized", JSON.readTree(response.body()).path("error").asText());
        assertEquals(401, get(Map.of("Authorization", "Bearer wrong-token-0123456789")).statusCode());
    }

    @Test
    void flagdsOwnEvaluatorReadsAChangeFromTheDocument() throws Exception {
        HttpFlagSource source = new HttpFlagSource(uri(), "Bearer " + TOKEN, Duration.ofMillis(100));
        FlagdProvider provider = new FlagdProvider(FlagdOptions.builder().resolverType(Config.Resolver.IN_PROCESS)
                .customConnector(source).build());
        OpenFeatureAPI.getInstance().setProviderAndWait("flagd-sync-it", provider);
        try {
            Client flagd = OpenFeatureAPI.getInstance().getClient("flagd-sync-it");
            assertTrue(flagd.getBooleanValue("model.claude-opus-4-8.enabled", false));
            assertEquals("claude-opus-4-8", flagd.getStringValue("route.meeting-summary", "unknown"));
            Await.await(source::notModified, count -> count >= 2, WAIT, "polls answered 304 while nothing changed");

            disable("claude-opus-4-8");
            Await.await(() -> !flagd.getBooleanValue("model.claude-opus-4-8.enabled", true)
                            && "gpt-5".equals(flagd.getStringValue("route.meeting-summary", "unknown")), WAIT,
                    "flagd to read claude-opus-4-8 off and meeting-summary on gpt-5");
            assertFalse(flagd.getBooleanValue("model.claude-opus-4-8.enabled", true));
        } finally {
            OpenFeatureAPI.getInstance().getProvider("flagd-sync-it").shutdown();
        }
    }

    private void disable(String model) {
        assertEquals(200, new SignedSlack(server.getURI(), slack)
                .command(SignedSlack.ALICE, "disable " + model + " -- elevated 529s").statusCode());
    }

    private static String variant(String document, String flag) {
        try {
            return JSON.readTree(document).path("flags").path(flag).path("defaultVariant").asText();
        } catch (IOException e) {
            return "not JSON: " + document;
        }
    }

    private boolean fileHolds(String body) {
        try {
            return Files.exists(flagFile) && Files.readString(flagFile).equals(body);
        } catch (IOException e) {
            return false;
        }
    }

    private HttpResponse<String> get(Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri()).GET();
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri() {
        return URI.create(server.getURL() + "/flagd/v1/flags.json");
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("detour-flagd-sync");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
