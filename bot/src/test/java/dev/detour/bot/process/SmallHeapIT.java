package dev.detour.bot.process;

import dev.detour.bot.signals.AlertmanagerAlerts;
import dev.detour.bot.signals.HostileProviderStatusPage;
import dev.detour.incidents.testing.Await;
import dev.detour.notifications.testing.FakeSlack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar on a 64 MB heap, polling a status page that streams a gigabyte: each poll is cut off at the
 * limit, the page is polled again and again, and Slack still gets every post. (Read whole, as it once was, that
 * answer ran the heap out and the scheduled jobs, Slack's outbox among them, stopped for good.)
 */
class SmallHeapIT {
    private static final String TOKEN = "xoxb-1234567890-0987654321-abcdefghijklmnopqrstuvwx";
    private static final String SIGNAL_TOKEN = "signal-token-for-the-small-heap-test";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aStatusPageStreamingAGigabyteNeitherRunsASmallHeapOutNorStopsThePollsOrTheSlackPosts() throws Exception {
        try (FakeSlack slack = FakeSlack.start(TOKEN);
             HostileProviderStatusPage page = new HostileProviderStatusPage(HostileProviderStatusPage.Behaviour.STREAMS_A_GIGABYTE);
             DetourProcess detour = DetourProcess.start(directory, environment(slack, page),
                     List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"))) {
            slack.addChannel("C0INCIDENTS", true);
            detour.awaitHealthy(http);

            awaitPolls(page, 4, detour);
            alert(detour);
            slack.awaitCall("chat.postMessage", FakeSlack.Call::ok, WAIT);
            awaitPolls(page, page.requests() + 2, detour);

            assertTrue(detour.process().isAlive(), "still running: " + detour.output());
            String output = detour.output();
            assertFalse(output.contains("OutOfMemoryError"), output);
            assertTrue(output.contains("status page of anthropic could not be read: refused: answer is over the limit"
                    + " of 2097152 bytes"), output);
            assertEquals(0, detour.terminate(), "SIGTERM drains and exits 0");
        }
    }

    private static void awaitPolls(HostileProviderStatusPage page, int polls, DetourProcess detour) {
        Await.await(() -> {
            assertTrue(detour.process().isAlive(), "detour exited: " + detour.output());
            return page.requests() >= polls;
        }, WAIT, polls + " polls of the status page");
    }

    private void alert(DetourProcess detour) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(detour.uri("/signals/alertmanager"))
                .header("Authorization", "Bearer " + SIGNAL_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AlertmanagerAlerts.firing("anthropic", "claude-opus-4-8")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.body());
    }

    private Map<String, String> environment(FakeSlack slack, HostileProviderStatusPage page) throws Exception {
        Path config = directory.resolve("detour.yml");
        Files.writeString(config, """
                detour:
                  providers:
                    - id: anthropic
                      name: Anthropic
                      status-page: %s
                      models:
                        - { id: claude-opus-4-8, name: "Claude Opus 4.8" }
                    - id: openai
                      name: OpenAI
                      models:
                        - { id: gpt-5, name: "GPT-5" }
                  task-classes:
                    - { id: meeting-summary, name: "Meeting summaries", route: [claude-opus-4-8, gpt-5], failover: auto }
                  slack:
                    incident-channel: C0INCIDENTS
                    on-call: [U0ALICE]
                """.formatted(page.url()));
        return Map.of(
                "DETOUR_CONFIG", config.toString(),
                "DETOUR_SIGNAL_TOKEN", SIGNAL_TOKEN,
                "SLACK_BOT_TOKEN", TOKEN,
                "SLACK_SIGNING_SECRET", "0123456789abcdef0123456789abcdef",
                "SLACK_API_URL", slack.apiUrl(),
                // every second, and no longer pause on failure than that: the test wants many polls
                "DETOUR_STATUSPAGE_POLL_INTERVAL", "100ms",
                "DETOUR_STATUSPAGE_TIMEOUT", "10s",
                "DETOUR_OUTBOX_POLL", "50ms");
    }
}
