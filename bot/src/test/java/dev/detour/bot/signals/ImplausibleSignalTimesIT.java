package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.lifecycle.SingleWriter;
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
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A time a signal carries must be a plausible moment (from 2000 to a day ahead of Detour's clock, which these tests
 * hold at 2026-06-07T07:00Z): otherwise the alert, update or outcome is refused naming the field, and nothing
 * absurd reaches the timeline.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImplausibleSignalTimesIT implements TestPropertyProvider {
    private static final String FAR_FUTURE = "+999999999-12-31T23:59:59Z";
    private final FakeSlack slack = SignalTestApp.slack();
    private final FakeProviderStatusPage statusPage = start();

    @Inject
    EmbeddedServer server;
    @Inject
    Catalog catalog;
    @Inject
    ProviderStatusPageReadings readings;
    @Inject
    SingleWriter locks;
    @Inject
    dev.detour.incidents.lifecycle.Jobs jobs;
    @Inject
    IncidentService incidents;

    private IncidentId anthropicIncident;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(SignalTestApp.properties(slack));
        properties.put("detour.statuspage.poll", "false"); // the test polls by hand
        return properties;
    }

    /** Status-page updates are recorded on the open incident about their provider. */
    @BeforeAll
    void openAnIncidentAboutAnthropic() {
        anthropicIncident = assertInstanceOf(IncidentChange.Applied.class, incidents.open(IncidentKind.OUTAGE,
                "Claude errors", List.of(Target.provider(SeedCatalog.ANTHROPIC)), Actor.user("U0ALICE")))
                .incident().id();
    }

    @AfterAll
    void stop() {
        slack.close();
        statusPage.close();
    }

    private static FakeProviderStatusPage start() {
        try {
            return new FakeProviderStatusPage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> post(String path, String body) {
        return SignalTestApp.post(server.getURI(), path, body, SignalTestApp.TOKEN);
    }

    private static String alert(String status, String fingerprint, String startsAt, String endsAt) {
        return """
                {"receiver":"detour","status":"%s","version":"4","groupKey":"{}:{alertname=\\"LLMErrors\\"}",
                 "alerts":[{"status":"%s","labels":{"alertname":"LLMErrors","provider":"openai","model":"gpt-5"},
                   "annotations":{"summary":"gpt-5 error rate above 20%%"},"startsAt":"%s","endsAt":"%s",
                   "fingerprint":"%s"}]}""".formatted(status, status, startsAt, endsAt, fingerprint);
    }

    private String timeline() {
        return SignalTestApp.get(server.getURI(), "/api/incidents/" + anthropicIncident).path("timeline").toString();
    }

    @Test
    void anAlertStartingInTheYear999999999IsRefusedNamingStartsAtAndIsNotRememberedAsSeen() {
        HttpResponse<String> refused = post("/signals/alertmanager",
                alert("firing", "f00000000000a001", FAR_FUTURE, "0001-01-01T00:00:00Z"));

        assertEquals(422, refused.statusCode(), refused.body());
        JsonNode answer = SignalTestApp.json(refused.body());
        assertTrue(answer.path("detail").asText().contains("\"startsAt\" " + FAR_FUTURE + " is more than 1 day ahead"),
                refused.body());
        assertEquals(0, answer.path("recorded").asInt());

        HttpResponse<String> corrected = post("/signals/alertmanager",
                alert("firing", "f00000000000a001", "2026-06-07T06:58:00Z", "0001-01-01T00:00:00Z"));
        assertEquals(202, corrected.statusCode(), corrected.body());
        assertEquals(1, SignalTestApp.json(corrected.body()).path("recorded").asInt(), "not taken for a repeat");
    }

    @Test
    void aResolvedAlertThatEndedBefore2000IsRefusedNamingEndsAt() {
        HttpResponse<String> refused = post("/signals/alertmanager",
                alert("resolved", "f00000000000a002", "2026-06-07T06:00:00Z", "1970-01-01T00:00:00Z"));

        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(SignalTestApp.json(refused.body()).path("detail").asText()
                .contains("\"endsAt\" 1970-01-01T00:00:00Z is before 2000-01-01"), refused.body());
    }

    @Test
    void aFiringAlertsNotEndedYearOneEndsAtIsAccepted() {
        HttpResponse<String> accepted = post("/signals/alertmanager",
                alert("firing", "f00000000000a003", "2026-06-07T06:59:00Z", "0001-01-01T00:00:00Z"));

        assertEquals(202, accepted.statusCode(), accepted.body());
    }

    @Test
    void aStatusPageWebhookUpdateFromTheFarFutureIsRefusedAndTheOtherUpdateIsRecorded() {
        String body = """
                {"meta":{"generated_at":"2026-06-07T07:01:00Z"},"page":{"id":"tymt9n04zgry"},
                 "incident":{"id":"x1","name":"Webhook incident","status":"investigating","impact":"minor",
                   "incident_updates":[
                     {"id":"wh-future","status":"investigating","body":"from the future","created_at":"%s"},
                     {"id":"wh-now","status":"investigating","body":"a plausible update",
                      "created_at":"2026-06-07T07:00:30Z"}]}}""".formatted(FAR_FUTURE);

        HttpResponse<String> response = post("/signals/statuspage/anthropic", body);

        assertEquals(422, response.statusCode(), response.body());
        JsonNode answer = SignalTestApp.json(response.body());
        assertEquals("implausible_times", answer.path("error").asText());
        assertTrue(answer.path("detail").asText().contains("update 'wh-future' of incident 'Webhook incident': "
                + "\"created_at\" " + FAR_FUTURE), response.body());
        assertEquals(1, answer.path("updates").asInt());
        assertTrue(timeline().contains("a plausible update"), timeline());
        assertFalse(timeline().contains("from the future"), timeline());
    }

    @Test
    void aPolledUpdateDatedBefore2000IsLeftOutAndTheOthersAreRecorded() {
        statusPage.serve("""
                {"page":{"id":"tymt9n04zgry"},"components":[],"incidents":[{"id":"p1","name":"Polled incident",
                  "status":"identified","impact":"major","incident_updates":[
                    {"id":"poll-epoch","status":"identified","body":"dated 1970","created_at":"1970-01-01T00:00:00Z"},
                    {"id":"poll-now","status":"identified","body":"dated today","created_at":"2026-06-07T06:59:00Z"}
                  ]}]}""");
        ProviderStatusPagePoller poller = new ProviderStatusPagePoller(catalog, readings, locks,
                new ProviderStatusPageSettings(true, Duration.ofSeconds(60), Duration.ofSeconds(5), 2 * 1024 * 1024), jobs);

        poller.poll(catalog.provider(SeedCatalog.ANTHROPIC).orElseThrow(), statusPage.url(),
                new ProviderStatusPagePoller.PageState());

        assertTrue(timeline().contains("dated today"), timeline());
        assertFalse(timeline().contains("dated 1970"), timeline());
    }

    @Test
    void aGatewayOutcomeFromTheFarFutureIsRefusedOverHttpAndTheOthersCount() {
        HttpResponse<String> response = post("/signals/gateway", "{\"outcomes\":["
                + "{\"model\":\"gpt-5\",\"ok\":true,\"status\":200,\"at\":\"" + FAR_FUTURE + "\"},"
                + "{\"model\":\"gpt-5\",\"ok\":true,\"status\":200,\"at\":\"2026-06-07T06:59:59Z\"}]}");

        assertEquals(422, response.statusCode(), response.body());
        JsonNode answer = SignalTestApp.json(response.body());
        assertEquals(1, answer.path("accepted").asInt());
        assertEquals(0, answer.path("rejected").get(0).path("index").asInt());
        assertTrue(answer.path("rejected").get(0).path("problem").asText().startsWith("\"at\" " + FAR_FUTURE),
                response.body());
    }
}
