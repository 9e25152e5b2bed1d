package dev.detour.bot.slack;

import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.detour.bot.slack.SlackAcksBeforeDatabaseIT.eventId;
import static dev.detour.bot.slack.SlackAcksBeforeDatabaseIT.withinASecond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the database down, Slack still gets its acknowledgement at once (never a 500), and a command is answered
 * honestly, with a reference, once its follow-up finds the database unreachable (docs/slack.md, Commands). H2's
 * exclusive mode 2 closes the in-memory database for good, hence a class, and a database, of its own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackAcksWithDatabaseDownIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String BOB = "U0BOB"; // not on-call: only reads

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
    private String url;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        slack.addChannel("C0SUPPORT", true);
        slack.addChannel("C0MANAGERS", true);
        Map<String, String> properties = new HashMap<>(SignedSlack.properties(slack));
        url = properties.get("datasources.default.url");
        properties.put("datasources.default.connection-timeout", "2000"); // gives up on a dead database soon
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    private SlackRequests requests() {
        return new SlackRequests(server.getURI(), SignedSlack.SIGNING_SECRET);
    }

    @Test
    void withTheDatabaseDownAnEventIsAcknowledgedAndACommandIsToldWhatWentWrong() throws Exception {
        String responseUrl = slack.newResponseUrl();
        String user = "U0HOMEDOWN";
        HttpResponse<String> event;
        HttpResponse<String> command;
        // A running Detour: the Slack handlers were built by earlier requests, while the database was up.
        assertEquals(200, requests().command(BOB, "help", slack.newResponseUrl()).statusCode());
        try (SlackAcksBeforeDatabaseIT.Hold hold = SlackAcksBeforeDatabaseIT.Hold.database(url, 2)) {
            event = withinASecond(() -> requests().appHomeOpened(eventId(), user, Map.of()));
            command = withinASecond(() -> requests().command(BOB, "status", responseUrl));
            FakeSlack.Response answer = slack.awaitResponse(response -> response.url().equals(responseUrl), WAIT);
            assertTrue(answer.body().path("text").asText().contains("(reference `"), answer.body().toString());
        }

        assertEquals(200, event.statusCode(), event.body());
        assertEquals(200, command.statusCode(), command.body());
        assertEquals("", command.body(), "acknowledged; the answer follows");
    }

}
