package dev.detour.bot.ofrep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.slack.SignedSlack;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.testing.Await;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OFREP's change events over real HTTP: the bulk answer advertises the stream, the stream tells each flag change
 * with the new ETag as its id, resumes from {@code Last-Event-ID}, keeps idle connections open with comments, and
 * refuses what it must (no token, one stream too many).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfrepEventsIT implements TestPropertyProvider {
    static final String TOKEN = "api-token-for-ofrep-events-0123456789";
    static final int MAX = 4;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<SseReader> readers = new ArrayList<>();

    @Inject
    EmbeddedServer server;
    @Inject
    CleanSlate cleanSlate;
    @Inject
    EventStreams streams;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        Map<String, String> properties = new HashMap<>(SignedSlack.properties(slack));
        properties.put("detour.api-token", TOKEN);
        properties.put("detour.ofrep.max-connections", Integer.toString(MAX));
        properties.put("detour.ofrep.retry-after", "17s");
        properties.put("detour.ofrep.heartbeat", "200ms");
        properties.put("detour.slack.burst", "100");
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @BeforeEach
    void startFromACleanSlate() throws Exception {
        for (SseReader reader : readers) {
            reader.close();
        }
        readers.clear();
        cleanSlate.restoreAndAwaitDelivery();
        Await.await(() -> streams.connected() == 0, WAIT, "every stream of the last test closed");
    }

    @Test
    void theBulkAnswerAdvertisesTheEventStream() throws Exception {
        JsonNode bulk = JSON.readTree(bulk(Map.of()).body());
        JsonNode stream = bulk.path("eventStreams").path(0);
        assertEquals("sse", stream.path("type").asText());
        assertEquals("/ofrep/v1/events", stream.path("endpoint").path("requestUri").asText());
        assertEquals(120, stream.path("inactivityDelaySec").asInt());
        assertTrue(bulk.path("flags").size() > 0);
    }

    @Test
    void aChangeIsToldToEveryStreamWithTheNewEtagAsItsId() throws Exception {
        String before = etag();
        SseReader first = connect(Map.of(OfrepEventsController.LAST_EVENT_ID, before));
        SseReader second = connect(Map.of(OfrepEventsController.LAST_EVENT_ID, before));
        assertNull(first.next(Duration.ofMillis(500)), "a client that saw the current ETag gets no event");

        assertEquals(200, new SignedSlack(server.getURI(), slack)
                .command(SignedSlack.ALICE, "disable claude-opus-4-8 -- elevated 529s").statusCode());
        for (SseReader reader : List.of(first, second)) {
            SseReader.Event event = reader.next(WAIT);
            assertNotNull(event, "a refetchEvaluation event");
            assertEquals("refetchEvaluation", event.data().path("type").asText());
            assertNotEquals(before, event.id());
            assertEquals(event.id(), event.data().path("etag").asText());
        }
        Await.await(this::etag, etag -> !etag.equals(before), WAIT, "the bulk ETag to move");
        SseReader.Event last = first.next(Duration.ofMillis(300));
        String current = etag();
        // the disable may commit in more than one step: the last event carries the ETag apps read now
        assertTrue(last == null || last.id().equals(current), "the last event names the current ETag");
    }

    @Test
    void aMissingUnknownOrMalformedLastEventIdGetsTheCurrentStateAtOnce() throws Exception {
        String current = etag();
        for (Map<String, String> headers : List.of(Map.<String, String>of(),
                Map.of(OfrepEventsController.LAST_EVENT_ID, "\"0000000000000000\""),
                Map.of(OfrepEventsController.LAST_EVENT_ID, "not an etag \u00e9 at all"))) {
            SseReader reader = connect(headers);
            assertEquals(200, reader.response().statusCode());
            SseReader.Event event = reader.next(WAIT);
            assertNotNull(event, "the current state for " + headers);
            assertEquals(current, event.id());
            assertEquals("refetchEvaluation", event.data().path("type").asText());
            reader.close();
        }
    }

    @Test
    void idleStreamsGetCommentHeartbeats() throws Exception {
        SseReader reader = connect(Map.of(OfrepEventsController.LAST_EVENT_ID, etag()));
        Await.await(reader::comments, count -> count >= 2, WAIT, "two heartbeat comments");
        assertNull(reader.next(Duration.ZERO), "heartbeats are not events");
    }

    @Test
    void withoutTheTokenTheStreamIsRefusedWithJson() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/ofrep/v1/events"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertEquals("unauthorized", JSON.readTree(response.body()).path("error").asText());
    }

    @Test
    void oneStreamOverTheLimitIsToldToRetryLater() throws Exception {
        for (int i = 0; i < MAX; i++) {
            assertEquals(200, connect(Map.of()).response().statusCode());
        }
        SseReader refused = connect(Map.of());
        assertEquals(503, refused.response().statusCode());
        assertEquals("17", refused.response().headers().firstValue("Retry-After").orElse(""));
        assertEquals("service_unavailable", JSON.readTree(refused.body()).path("error").asText());

        String metrics = http.send(HttpRequest.newBuilder(uri("/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.contains("detour_ofrep_event_streams " + MAX + ".0"), metrics);
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("detour_ofrep_event_streams_refused_total ")
                && !line.endsWith(" 0.0")), "the refusal counted");

        readers.get(0).close();
        Await.await(() -> streams.connected() < MAX, WAIT, "a closed stream to free its place");
        assertEquals(200, connect(Map.of()).response().statusCode());
    }

    @Test
    void apiStatusCountsTheStreamsConnectedToThisReplica() throws Exception {
        connect(Map.of(OfrepEventsController.LAST_EVENT_ID, etag()));
        connect(Map.of(OfrepEventsController.LAST_EVENT_ID, etag()));
        Await.await(() -> streams.connected() >= 2, WAIT, "two streams open");

        String status = http.send(HttpRequest.newBuilder(uri("/api/status"))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString()).body();

        assertEquals(streams.connected(), JSON.readTree(status).path("eventStreamClients").asInt(-1), status);
    }

    @Test
    void theConfigurationNamesTheEventStreamAndThePollingMinimum() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/ofrep/v1/configuration"))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode capabilities = JSON.readTree(response.body()).path("capabilities");
        assertEquals(true, capabilities.path("cacheInvalidation").path("polling").path("enabled").asBoolean());
        assertEquals(30000, capabilities.path("cacheInvalidation").path("polling").path("minPollingIntervalMs")
                .asInt());
        assertEquals("/ofrep/v1/events", capabilities.path("eventStreams").path(0).path("endpoint")
                .path("requestUri").asText());
    }

    private SseReader connect(Map<String, String> headers) throws Exception {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Authorization", "Bearer " + TOKEN);
        SseReader reader = SseReader.connect(http, uri("/ofrep/v1/events"), all);
        readers.add(reader);
        return reader;
    }

    private String etag() {
        return bulk(Map.of()).headers().firstValue("ETag").orElseThrow();
    }

    private HttpResponse<String> bulk(Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/ofrep/v1/evaluate/flags"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"context\":{}}"));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(server.getURL() + path);
    }
}
