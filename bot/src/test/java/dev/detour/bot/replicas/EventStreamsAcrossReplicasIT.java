package dev.detour.bot.replicas;

import dev.detour.bot.ofrep.SseReader;
import dev.detour.bot.slack.SignedSlack;
import dev.detour.incidents.testing.OnPostgres;
import dev.detour.incidents.testing.TestDatabase;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Two replicas on one PostgreSQL: a client connected to one replica's OFREP event stream hears a change made
 * through the other (it arrives by the routing-version sync), with the ETag that replica now serves.
 */
@OnPostgres
class EventStreamsAcrossReplicasIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aChangeMadeOnOneReplicaIsToldOnTheOthersEventStream() throws Exception {
        Map<String, Object> database = TestDatabase.postgres();
        try (FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN)) {
            slack.addChannel("C0INCIDENTS", true);
            try (ApplicationContext one = replica(database, slack);
                 ApplicationContext two = replica(database, slack)) {
                URI listening = uri(two);
                String before = etag(listening);
                try (SseReader stream = SseReader.connect(http, listening.resolve("/ofrep/v1/events"),
                        Map.of("Last-Event-ID", before))) {
                    assertEquals(200, stream.response().statusCode());

                    assertEquals(200, new SignedSlack(uri(one), slack)
                            .command(SignedSlack.ALICE, "disable claude-opus-4-8 -- elevated 529s").statusCode());

                    SseReader.Event event = stream.next(WAIT);
                    assertNotNull(event, "the other replica's change on this replica's stream");
                    assertEquals("refetchEvaluation", event.data().path("type").asText());
                    // the change may commit in steps: read on until the stream names what the replica serves
                    String served = etag(listening);
                    while (!event.id().equals(served)) {
                        event = stream.next(WAIT);
                        assertNotNull(event, "an event naming the ETag served now, " + served);
                        served = etag(listening);
                    }
                    assertEquals(served, event.id());
                }
            }
        }
    }

    private String etag(URI replica) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(replica.resolve("/ofrep/v1/evaluate/flags"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"context\":{}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static ApplicationContext replica(Map<String, Object> database, FakeSlack slack) {
        Map<String, Object> properties = new HashMap<>(SignedSlack.properties(slack));
        properties.putAll(database);
        properties.put("detour.slack.burst", "1000");
        properties.put("micronaut.server.port", "-1");
        return ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
    }

    private static URI uri(ApplicationContext replica) {
        return replica.getBean(EmbeddedServer.class).getURI();
    }
}
