package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.maintenance.MaintenanceId;
import dev.detour.incidents.maintenance.MaintenanceWindow;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.lifecycle.Jobs;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real-format Statuspage and Alertmanager payloads open (or join) the right incident, once. Each test starts from
 * a {@link CleanSlate}: no incident is open.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderStatusPageAndAlertmanagerIT implements TestPropertyProvider {
    private final FakeSlack slack = SignalTestApp.slack();
    private final FakeProviderStatusPage statusPage = start();

    @Inject
    EmbeddedServer server;
    @Inject
    Catalog catalog;
    @Inject
    ProviderStatusPageReadings readings;
    @Inject
    dev.detour.incidents.lifecycle.SingleWriter locks;
    @Inject
    Jobs jobs;
    @Inject
    IncidentService incidents;
    @Inject
    CleanSlate cleanSlate;
    @Inject
    dev.detour.incidents.ports.MaintenanceWindows maintenanceWindows;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SignalTestApp.properties(slack);
        properties.put("detour.slack.burst", "100"); // no pacing: each test waits for the last one's posts
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
        statusPage.close();
    }

    @BeforeEach
    void startFromACleanSlate() {
        cleanSlate.restoreAndAwaitDelivery();
    }

    private static FakeProviderStatusPage start() {
        try {
            return new FakeProviderStatusPage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fixture(String name) {
        try (InputStream in = ProviderStatusPageAndAlertmanagerIT.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> post(String path, String body, String token) {
        return SignalTestApp.post(server.getURI(), path, body, token);
    }

    private JsonNode incident(String id) {
        return SignalTestApp.get(server.getURI(), "/api/incidents/" + id);
    }

    private JsonNode openIncidents() {
        return SignalTestApp.get(server.getURI(), "/api/incidents?state=open").path("incidents");
    }

    /** The id of the one open incident, failing when there is none or more than one. */
    private String theOpenIncident() {
        JsonNode open = openIncidents();
        assertEquals(1, open.size(), "one open incident: " + open);
        return open.path(0).path("id").asText();
    }

    private long timelineEntriesBy(String incident, String actor) {
        return StreamSupport.stream(incident(incident).path("timeline").spliterator(), false)
                .filter(entry -> entry.path("actor").asText().equals(actor)).count();
    }

    @Test
    void aComponentUpdateWebhookOpensAnOutageForTheComponentsModelsOnce() {
        claudeApiOperationalAgain(); // whatever an earlier test left: this update is a change
        String body = fixture("statuspage/component-update.json");
        assertEquals(401, post("/signals/statuspage/anthropic?token=wrong", body, null).statusCode());

        HttpResponse<String> first = post("/signals/statuspage/anthropic?token=" + SignalTestApp.TOKEN, body, null);
        HttpResponse<String> again = post("/signals/statuspage/anthropic?token=" + SignalTestApp.TOKEN, body, null);

        assertEquals(202, first.statusCode(), first.body());
        assertEquals(1, SignalTestApp.json(first.body()).path("signals").asInt());
        assertEquals(0, SignalTestApp.json(again.body()).path("signals").asInt(), "the same change once");
        String id = theOpenIncident();
        JsonNode opened = incident(id).path("incident");
        assertTrue(incident(id).path("timeline").path(0).path("text").asText().startsWith("outage "),
                "a major outage of the component opens an outage");
        assertEquals("degradation", opened.path("kind").asText(), "while every feature is still served, the kind"
                + " shown is a degradation");
        assertEquals("[\"model:claude-opus-4-7\",\"model:claude-opus-4-8\",\"model:claude-sonnet-4-6\"]",
                opened.path("affected").toString());
        assertEquals(1, timelineEntriesBy(id, "signal:statuspage:anthropic") - 1, "opened, then one signal entry");
    }

    /** Anthropic's page says its Claude API component is operational again (no incident is open to note it on). */
    private void claudeApiOperationalAgain() {
        String recovered = fixture("statuspage/component-update.json")
                .replace("\"status\": \"partial_outage\"", "\"status\": \"operational\"")
                .replace("\"old_status\": \"operational\", \"new_status\": \"partial_outage\"",
                        "\"old_status\": \"partial_outage\", \"new_status\": \"operational\"");
        assertEquals(202, post("/signals/statuspage/anthropic?token=" + SignalTestApp.TOKEN, recovered, null)
                .statusCode());
        assertEquals(0, openIncidents().size(), "a recovery opens nothing");
    }

    @Test
    void aPolledSummaryRecordsTheStatusPageIncidentOnceAndAskesAgainWithItsEtag() {
        Provider anthropic = catalog.provider(SeedCatalog.ANTHROPIC).orElseThrow();
        ProviderStatusPagePoller poller = new ProviderStatusPagePoller(catalog, readings, locks,
                new ProviderStatusPageSettings(true, Duration.ofSeconds(60), Duration.ofSeconds(5), 2 * 1024 * 1024), jobs);
        ProviderStatusPagePoller.PageState state = new ProviderStatusPagePoller.PageState();
        String id = anthropicOutageOpenedByOnCall();
        statusPage.serve(fixture("statuspage/summary-partial-outage.json"));
        int notModified = statusPage.notModified();

        poller.poll(anthropic, statusPage.url(), state);
        poller.poll(anthropic, statusPage.url(), state);

        assertEquals(1, statusPage.notModified() - notModified, "the second poll sent If-None-Match and got a 304");
        String timeline = incident(id).path("timeline").toString();
        assertTrue(timeline.contains("Elevated errors on Claude Opus 4.8 and 4.7"), timeline);
        assertTrue(timeline.contains("(impact major): investigating"), timeline);
        assertTrue(timeline.indexOf("investigating") < timeline.indexOf("): identified"), "oldest update first");
        assertEquals(id, theOpenIncident(), "the component's partial outage was already known: no second incident");
        long entries = incident(id).path("timeline").size();
        statusPage.serve(fixture("statuspage/summary-partial-outage.json")); // new ETag, same content
        poller.poll(anthropic, statusPage.url(), state);
        assertEquals(entries, incident(id).path("timeline").size(), "nothing new, nothing recorded");
    }

    @Test
    void aMaintenanceWebhookAndThePolledSummaryAreOneWindowAndNoIncident() throws IOException {
        Provider anthropic = catalog.provider(SeedCatalog.ANTHROPIC).orElseThrow();
        MaintenanceId id = MaintenanceId.fromStatusPage("anthropic", "w2mq7h1v8k4d");
        String webhook = fixture("statuspage/maintenance-scheduled-webhook.json");

        HttpResponse<String> first = post("/signals/statuspage/anthropic?token=" + SignalTestApp.TOKEN, webhook, null);
        HttpResponse<String> again = post("/signals/statuspage/anthropic?token=" + SignalTestApp.TOKEN, webhook, null);
        ProviderStatusPageReadings.Result polled = readings.summary(anthropic,
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(fixture(
                        "statuspage/summary-scheduled-maintenance.json")));

        assertEquals(202, first.statusCode(), first.body());
        assertTrue(first.body().contains("\"maintenances\":1"), first.body());
        assertTrue(again.body().contains("\"maintenances\":0"), "recorded once: " + again.body());
        assertEquals(0, polled.maintenances(), "the poll finds the same window; claude.ai is not mapped");
        MaintenanceWindow window = maintenanceWindows.find(id).orElseThrow();
        assertEquals(java.time.Instant.parse("2026-06-08T02:00:00Z"), window.startsAt());
        assertEquals(java.time.Instant.parse("2026-06-08T04:00:00Z"), window.endsAt());
        assertEquals(0, openIncidents().size(), "planned work is no incident");
    }

    /** An outage of Anthropic's models that on-call opened before the status page said anything. */
    private String anthropicOutageOpenedByOnCall() {
        List<Target> models = List.of(Target.model(SeedCatalog.OPUS_47), Target.model(SeedCatalog.OPUS_48),
                Target.model(SeedCatalog.SONNET_46));
        IncidentChange opened = incidents.open(IncidentKind.OUTAGE, "Claude API errors", models, Actor.user("U0ALICE"));
        return ((IncidentChange.Applied) opened).incident().id().toString();
    }

    @Test
    void aBrokenStatusPageIsAFailedPollThatBacksOff() {
        Provider anthropic = catalog.provider(SeedCatalog.ANTHROPIC).orElseThrow();
        ProviderStatusPagePoller poller = new ProviderStatusPagePoller(catalog, readings, locks,
                new ProviderStatusPageSettings(true, Duration.ofSeconds(60), Duration.ofSeconds(5), 2 * 1024 * 1024), jobs);
        statusPage.failWith(503);
        assertThrows(IllegalStateException.class,
                () -> poller.poll(anthropic, statusPage.url(), new ProviderStatusPagePoller.PageState()));
        statusPage.failWith(0);
        assertEquals(Duration.ofSeconds(60), poller.pause(0));
        assertEquals(Duration.ofSeconds(120), poller.pause(1));
        assertEquals(ProviderStatusPagePoller.MAX_PAUSE, poller.pause(9));
    }

    @Test
    void anAlertmanagerAlertOpensAnIncidentOnceAndItsResolutionClearsIt() {
        String firing = fixture("alertmanager/firing.json");
        assertEquals(401, post("/signals/alertmanager", firing, null).statusCode());

        HttpResponse<String> first = post("/signals/alertmanager", firing, SignalTestApp.TOKEN);
        HttpResponse<String> repeat = post("/signals/alertmanager", firing, SignalTestApp.TOKEN);

        assertEquals(202, first.statusCode(), first.body());
        assertEquals(1, SignalTestApp.json(repeat.body()).path("repeats").asInt());
        String id = theOpenIncident();
        JsonNode opened = incident(id).path("incident");
        assertTrue(incident(id).path("timeline").path(0).path("text").asText().startsWith("outage "),
                "severity critical opens an outage");
        assertEquals("degradation", opened.path("kind").asText(), "while every feature is still served, the kind"
                + " shown is a degradation");
        assertEquals("[\"model:gpt-5\"]", opened.path("affected").toString());
        assertEquals(1, timelineEntriesBy(id, "signal:alertmanager") - 1, "opened, then one signal entry");

        assertEquals(202, post("/signals/alertmanager", fixture("alertmanager/resolved.json"), SignalTestApp.TOKEN)
                .statusCode());
        assertTrue(incident(id).path("timeline").toString().contains("alertmanager clears gpt-5"));
    }

    @Test
    void unknownIdsAreNamedAndTheOtherAlertsStillCount() {
        String body = fixture("alertmanager/firing.json")
                .replace("\"fingerprint\": \"a1bc48475b20e73d\"", "\"fingerprint\": \"0000000000000001\"")
                .replace("\"alerts\": [", "\"alerts\": [{\"status\":\"firing\",\"labels\":{\"alertname\":\"X\","
                        + "\"model\":\"claude-opus-4-9\"},\"annotations\":{},\"startsAt\":\"2026-06-07T09:00:00Z\","
                        + "\"endsAt\":\"0001-01-01T00:00:00Z\",\"fingerprint\":\"ff\"},");

        HttpResponse<String> response = post("/signals/alertmanager", body, SignalTestApp.TOKEN);

        assertEquals(202, response.statusCode(), "one alert was recorded: " + response.body());
        JsonNode answer = SignalTestApp.json(response.body());
        assertEquals("unknown model 'claude-opus-4-9'", answer.path("results").path(0).path("problem").asText(),
                response.body());
        assertEquals(1, answer.path("refused").asInt());
        assertEquals(1, answer.path("recorded").asInt());
    }

    @Test
    void badRequestsGetAnAnswerThatSaysWhatWasWrong() {
        HttpResponse<String> unknown = post("/signals/statuspage/mistral?token=" + SignalTestApp.TOKEN,
                fixture("statuspage/component-update.json"), null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("mistral") && unknown.body().contains("anthropic"), unknown.body());

        HttpResponse<String> malformed = post("/signals/alertmanager", "{\"alerts\": [", SignalTestApp.TOKEN);
        assertEquals(400, malformed.statusCode());
        assertTrue(SignalTestApp.json(malformed.body()).path("detail").asText().startsWith("line 1"),
                malformed.body());
    }
}
