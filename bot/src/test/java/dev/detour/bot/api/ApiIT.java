package dev.detour.bot.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.RoutingOutcome;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiIT implements TestPropertyProvider {
    private static final String TOKEN = "api-token-for-tests-0123456789";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AvailabilityService availability;

    @Inject
    dev.detour.incidents.application.IncidentService incidents;

    @Inject
    ObjectMapper json;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        TestDatabase.h2().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put("detour.api-token", TOKEN);
        return properties;
    }

    @Test
    void healthIsPublic() {
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/health")).status());
    }

    @Test
    void statusListsEveryProviderModelAndTaskClassWithItsRoute() throws Exception {
        JsonNode status = get("/api/status");

        assertEquals(List.of("anthropic", "openai"), ids(status.get("providers")));
        assertEquals(List.of("claude-opus-4-8", "claude-opus-4-7", "claude-sonnet-4-6", "gpt-5"),
                ids(status.get("models")));
        JsonNode meetings = status.get("taskClasses").get(0);
        assertEquals("meeting-summary", meetings.get("id").asText());
        assertEquals("auto", meetings.get("failover").asText());
        assertTrue(List.of("primary", "fallback").contains(meetings.get("state").asText()));
        assertNotNull(meetings.get("since").textValue(), "since is an ISO-8601 time");
        assertTrue(status.get("models").get(0).has("since"), "fields without a value are sent as null");
    }

    @Test
    void theApiRefusesMissingAndWrongTokensWithAJsonBody() {
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/status"), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, missing.getStatus());
        assertEquals("unauthorized", missing.getResponse().getBody(ApiError.class).orElseThrow().error());

        HttpClientResponseException wrong = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/status").bearerAuth("guess"), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, wrong.getStatus());

        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/api/status")
                .header("Authorization", "bearer " + TOKEN)).status(), "the scheme is case-insensitive");
    }

    @Test
    void ofrepNeedsTheApiTokenWhenOneIsSet() {
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/ofrep/v1/evaluate/flags/model.gpt-5.enabled",
                        "{}"), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, missing.getStatus());

        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.POST(
                "/ofrep/v1/evaluate/flags/model.gpt-5.enabled", "{}").bearerAuth(TOKEN), String.class).status());
    }

    @Test
    void anIncidentIsReadWithItsTimelineAndItsAuditTrail() throws Exception {
        RoutingOutcome.Applied disabled = assertInstanceOf(RoutingOutcome.Applied.class, availability.disable(
                List.of(Target.model(OPUS_48), Target.model(OPUS_47)), Actor.user("U0ALICE"),
                Optional.of("elevated 529s")));
        String id = disabled.incident().orElseThrow().id().toString();

        JsonNode incident = get("/api/incidents/" + id);
        assertEquals(id, incident.get("incident").get("id").asText());
        assertEquals("investigating", incident.get("incident").get("state").asText());
        assertEquals("opened", incident.get("timeline").get(0).get("type").asText());

        JsonNode listed = get("/api/incidents?state=open");
        assertTrue(ids(listed.get("incidents")).contains(id));

        assertEquals("Anthropic: Claude Opus 4.8 and 4.7 failing", incident.get("incident").get("title").asText(),
                "an incident nobody named carries the title Slack shows");
        assertFalse(incident.get("incident").get("titleGiven").asBoolean());
        assertEquals("outage", incident.get("incident").get("kind").asText(), "a paused feature makes it an outage");
        assertFalse(incident.get("incident").get("kindSet").asBoolean());
        incidents.retitle(disabled.incident().orElseThrow().id(), "Opus overloaded", Actor.user("U0ALICE"));
        incidents.setKind(disabled.incident().orElseThrow().id(), dev.detour.incidents.incident.IncidentKind.DEGRADATION,
                Actor.user("U0ALICE"));
        JsonNode named = get("/api/incidents/" + id).get("incident");
        assertEquals("Opus overloaded", named.get("title").asText());
        assertTrue(named.get("titleGiven").asBoolean());
        assertEquals("degradation", named.get("kind").asText(), "a kind on-call set wins over what users notice");
        assertTrue(named.get("kindSet").asBoolean());

        JsonNode trail = get("/api/audit?model=claude-opus-4-8&incident=" + id);
        JsonNode record = trail.get("records").get(0);
        assertEquals("availability.changed", record.get("action").asText());
        assertEquals("user:U0ALICE", record.get("actor").asText());
        assertEquals("elevated 529s", record.get("reason").asText());
        assertEquals("unavailable", record.get("after").asText());

        availability.enable(List.of(Target.model(OPUS_48), Target.model(OPUS_47)), Actor.user("U0ALICE"),
                Optional.empty());
    }

    @Inject
    dev.detour.incidents.ports.AuditTrail audit;
    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;

    @Test
    void theAuditApiGivesDeliveryReceiptsUnlessAskedNotTo() throws Exception {
        String subject = "task-class:legal-review";
        transactions.executeWrite(status -> {
            audit.append(new dev.detour.incidents.audit.AuditRecord(java.time.Instant.now(),
                    dev.detour.incidents.audit.AuditQuery.RECEIPTS,
                    new dev.detour.incidents.audit.AuditAction("outbox.sent"),
                    dev.detour.incidents.audit.AuditSubject.of(subject), Optional.empty(), Optional.empty(),
                    Optional.of("receipt for the API test"), Optional.empty()));
            return null;
        });

        JsonNode everything = get("/api/audit?task-class=legal-review");
        JsonNode withoutReceipts = get("/api/audit?task-class=legal-review&receipts=false");

        assertTrue(everything.get("records").toString().contains("receipt for the API test"));
        assertTrue(!withoutReceipts.get("records").toString().contains("system:outbox"),
                withoutReceipts.toString());
        assertProblem("/api/audit?receipts=maybe", HttpStatus.BAD_REQUEST, "receipts must be true or false");
    }

    @Test
    void badInputGetsA4xxThatSaysWhatWasWrong() {
        assertProblem("/api/incidents/INC-99999", HttpStatus.NOT_FOUND, "INC-99999");
        assertProblem("/api/incidents/banana", HttpStatus.BAD_REQUEST, "banana");
        assertProblem("/api/incidents?limit=0", HttpStatus.BAD_REQUEST, "limit");
        assertProblem("/api/incidents?state=sleeping", HttpStatus.BAD_REQUEST, "sleeping");
        assertProblem("/api/audit?since=yesterday", HttpStatus.BAD_REQUEST, "since");
        assertProblem("/api/audit?model=Not%20A%20Model", HttpStatus.BAD_REQUEST, "model");
        assertProblem("/api/audit?model=gpt-5&task-class=legal-review", HttpStatus.BAD_REQUEST, "one of");
        assertProblem("/api/nothing-here", HttpStatus.NOT_FOUND, "");
    }

    private void assertProblem(String uri, HttpStatus status, String detailMentions) {
        HttpClientResponseException problem = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(TOKEN), String.class));
        assertEquals(status, problem.getStatus(), uri);
        ApiError body = problem.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals(status.name().toLowerCase(java.util.Locale.ROOT), body.error(), uri);
        assertTrue(body.detail().contains(detailMentions), uri + ": " + body.detail());
    }

    private JsonNode get(String uri) throws Exception {
        return json.readTree(http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(TOKEN)));
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new java.util.ArrayList<>();
        array.forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }
}
