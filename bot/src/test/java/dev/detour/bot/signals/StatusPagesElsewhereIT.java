package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.bot.metrics.StatusPageMeters;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.lifecycle.Jobs;
import dev.detour.incidents.lifecycle.SingleWriter;
import dev.detour.notifications.testing.FakeSlack;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Status pages wherever they are hosted: an incident.io page's Statuspage-compatible summary, whose incidents list
 * no components, is read by the page's component statuses; a page that moved platform (HTML, another JSON) is
 * "status page unreadable" in /api/status and metrics, and opens nothing (docs/signals.md).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusPagesElsewhereIT implements TestPropertyProvider {
    private final FakeSlack slack = SignalTestApp.slack();
    private final FakeProviderStatusPage page = start();

    @Inject
    EmbeddedServer server;
    @Inject
    Catalog catalog;
    @Inject
    ProviderStatusPageReadings readings;
    @Inject
    SingleWriter locks;
    @Inject
    Jobs jobs;
    @Inject
    CleanSlate cleanSlate;
    @Inject
    MeterRegistry registry;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SignalTestApp.properties(slack);
        properties.put("detour.slack.burst", "100");
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
        page.close();
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
        try (InputStream in = StatusPagesElsewhereIT.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Provider anthropic() {
        return catalog.provider(SeedCatalog.ANTHROPIC).orElseThrow();
    }

    private void poll() {
        new ProviderStatusPagePoller(catalog, readings, locks, new ProviderStatusPageSettings(true,
                Duration.ofSeconds(60), Duration.ofSeconds(5), 2 * 1024 * 1024), jobs)
                .poll(anthropic(), page.url(), new ProviderStatusPagePoller.PageState());
    }

    private int openIncidents() {
        return SignalTestApp.get(server.getURI(), "/api/incidents?state=open").path("incidents").size();
    }

    private JsonNode anthropicPage() {
        for (JsonNode statusPage : SignalTestApp.get(server.getURI(), "/api/status").path("statusPages")) {
            if (statusPage.path("provider").asText().equals("anthropic")) {
                return statusPage;
            }
        }
        throw new AssertionError("no status page for anthropic in /api/status");
    }

    private double unreadableGauge() {
        return registry.get(StatusPageMeters.METER).tag("provider", "anthropic").gauge().value();
    }

    @Test
    void anIncidentIoIncidentWithoutComponentsIsReadByThePagesComponentStatuses() {
        page.serve(fixture("statuspage/summary-incident-io.json"));
        poll();
        assertEquals(0, openIncidents(), "the incident lists no components and Claude API is operational:"
                + " no components is not all components");
        assertEquals("readable", anthropicPage().path("state").asText());

        page.serve(fixture("statuspage/summary-incident-io.json").replace(
                "\"name\": \"Claude API\", \"status\": \"operational\"",
                "\"name\": \"Claude API\", \"status\": \"partial_outage\""));
        poll();
        assertEquals(1, openIncidents(), "the page's own component status says Claude API is failing");

        page.serve(fixture("statuspage/summary-incident-io.json"));
        poll();
    }

    @Test
    void aPageServingHtmlOrAnotherShapeIsUnreadableAndOpensNothing() {
        page.serve("<!DOCTYPE html><html><head><title>Claude Status</title></head><body>moved</body></html>");
        assertThrows(IllegalStateException.class, this::poll);
        JsonNode html = anthropicPage();
        assertEquals("unreadable", html.path("state").asText(), html.toString());
        assertTrue(html.path("reason").asText().startsWith("not JSON"), html.toString());
        assertEquals(1.0, unreadableGauge());
        assertEquals(0, openIncidents());

        page.serve("{\"widget\":{\"ongoing_incidents\":[{\"name\":\"Elevated errors\",\"status\":\"investigating\"}],"
                + "\"in_progress_maintenances\":[]}}");
        assertThrows(IllegalStateException.class, this::poll);
        JsonNode other = anthropicPage();
        assertEquals("unreadable", other.path("state").asText(), other.toString());
        assertTrue(other.path("reason").asText().contains("summary.json"), other.toString());
        assertEquals(html.path("since").asText(), other.path("since").asText(), "unreadable since the first");
        assertEquals(0, openIncidents(), "an unreadable page is never an outage");

        page.serve(fixture("statuspage/summary-incident-io.json"));
        poll();
        assertEquals("readable", anthropicPage().path("state").asText());
        assertEquals(0.0, unreadableGauge());
    }
}
