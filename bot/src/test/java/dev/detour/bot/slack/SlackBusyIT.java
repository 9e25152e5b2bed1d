package dev.detour.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.metrics.SlashCommandMeters;
import dev.detour.notifications.testing.FakeSlack;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With every follow-up slot taken (here: none at all), a slash command is answered "busy" at once, not queued. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackBusyIT implements TestPropertyProvider {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);

    @Inject
    EmbeddedServer server;
    @Inject
    FollowUps followUps;
    @Inject
    MeterRegistry meters;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        Map<String, String> properties = new HashMap<>(SignedSlack.properties(slack));
        properties.put("detour.slack.follow-up-queue", "0");
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    @Test
    void aCommandBeyondTheFollowUpBoundIsToldPolitelyToTryAgainAndNothingIsQueued() throws Exception {
        HttpResponse<String> ack = new SlackRequests(server.getURI(), SignedSlack.SIGNING_SECRET)
                .command(SignedSlack.ALICE, "status", slack.newResponseUrl());

        assertEquals(200, ack.statusCode());
        JsonNode answer = JSON.readTree(ack.body());
        assertEquals("ephemeral", answer.path("response_type").asText(), ack.body());
        assertEquals("Detour is busy right now and did not take this request. Please try again in a moment.",
                answer.path("text").asText());
        assertEquals(0, followUps.taken(), "nothing queued");
        assertEquals(List.of(), slack.responses(), "no answer follows");
        assertEquals(1.0, meters.get(SlashCommandMeters.BUSY).counter().count(), "counted, for the log writes bursts");
    }
}
