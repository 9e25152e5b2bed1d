package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import dev.detour.notifications.testing.FakeSlack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A Detour on the seed catalog, a movable clock and a fake Slack, taking signals with {@link #TOKEN}. */
final class SignalTestApp {
    static final String TOKEN = "signal-token-0123456789abcdef";
    static final String BOT_TOKEN = "xoxb-1234567890-0987654321-abcdefghijklmnopqrstuvwx";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SignalTestApp() {
    }

    static FakeSlack slack() {
        FakeSlack slack = FakeSlack.start(BOT_TOKEN);
        slack.addChannel("C0INCIDENTS", true);
        return slack;
    }

    static Map<String, String> properties(FakeSlack slack) {
        Map<String, String> properties = new HashMap<>();
        TestDatabase.h2().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put("detour.signal-token", TOKEN);
        properties.put("detour.signals.gateway-check", "1h"); // the tests move the clock and check by hand
        properties.put("slack.bot-token", BOT_TOKEN);
        properties.put("slack.signing-secret", "8f742231b10e8888abcd99yyyzzz85a5");
        properties.put("slack.api-url", slack.apiUrl());
        properties.put("detour.outbox.poll", "50ms");
        return properties;
    }

    static HttpResponse<String> post(URI server, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode get(URI server, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
