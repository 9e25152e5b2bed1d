package dev.detour.bot.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.slack.SignedSlack;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** However far back or ahead an audit filter reaches, it is a query over what was recorded, never a failure. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTimeRangeIT implements TestPropertyProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;
    @Inject
    IncidentService incidents;

    @Override
    public Map<String, String> getProperties() {
        return SignedSlack.seedWorkspace(slack);
    }

    @BeforeAll
    void recordSomething() {
        incidents.open(IncidentKind.DEGRADATION, "Opus slow", List.of(Target.model(OPUS_48)), Actor.user("U0ALICE"));
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode records(String query) throws Exception {
        HttpResponse<String> response = get("/api/audit?" + query);
        assertEquals(200, response.statusCode(), query + ": " + response.body());
        return JSON.readTree(response.body()).path("records");
    }

    @Test
    void aSinceFurtherBackThanInstantsGoReadsEverything() throws Exception {
        assertTrue(records("since=PT2562047788015215H").size() > 0);
        assertTrue(records("since=999999999d").size() > 0);
        assertTrue(records("since=-999999999-01-01T00:00:00Z").size() > 0);
    }

    @Test
    void aSinceOrUntilBeyondTomorrowOrBefore2000IsAnEmptyOrFullAnswer() throws Exception {
        assertEquals(0, records("since=%2B999999999-12-31T23:59:59Z").size());
        assertEquals(0, records("until=-999999999-01-01T00:00:00Z").size());
        assertTrue(records("until=%2B999999999-12-31T23:59:59Z").size() > 0);
    }

    @Test
    void theSlashCommandReadsAHugeSinceAsEverything() {
        SignedSlack requests = new SignedSlack(server.getURI(), slack);
        for (String since : List.of("PT2562047788015215H", "999999999d", "99999999999d")) {
            String url = slack.newResponseUrl();
            HttpResponse<String> ack = requests.command(SignedSlack.ALICE, "audit since " + since, url);
            assertEquals(200, ack.statusCode());
            String path = url.substring(url.indexOf("/response/"));
            String answer = slack.awaitResponse(response -> response.url().endsWith(path), Duration.ofSeconds(10))
                    .body().toString();
            assertFalse(answer.contains("error on its side"), since + ": " + answer);
            assertTrue(answer.contains("incident.opened") || answer.contains("Audit"), since + ": " + answer);
        }
    }
}
