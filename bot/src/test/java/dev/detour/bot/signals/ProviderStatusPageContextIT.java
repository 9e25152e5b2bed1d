package dev.detour.bot.signals;

import dev.detour.bot.slack.SignedSlack;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.lifecycle.SingleWriter;
import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A status page that already reports an incident answers 304 until it changes; a Detour incident opened meanwhile,
 * by a person or an alert, still starts with the page's incident, once (docs/signals.md).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderStatusPageContextIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PAGE_INCIDENT = "Elevated errors on Claude Opus 4.8 and 4.7";
    private final FakeSlack slack = SignalTestApp.slack();
    private final FakeProviderStatusPage anthropicPage = start();
    private final FakeProviderStatusPage openaiPage = start();

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

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(SignalTestApp.properties(slack));
        properties.put(SeedConfigFactory.REAL_CLOCK, "true"); // Bolt checks the declare command's signature with it
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
        anthropicPage.close();
        openaiPage.close();
    }

    @Test
    void anIncidentDeclaredWhileThePageAnswers304StartsWithThePagesOpenIncidentOnce() throws Exception {
        ProviderStatusPagePoller.PageState state = readThePageTwice(SeedCatalog.ANTHROPIC, anthropicPage);
        assertEquals(Optional.empty(), openIncidentAbout(SeedCatalog.ANTHROPIC), "the page alone opens nothing");

        assertEquals(200, new SignedSlack(server.getURI(), slack).command(SignedSlack.ALICE, "declare anthropic")
                .statusCode());

        Incident declared = awaitOpenIncidentAbout(SeedCatalog.ANTHROPIC);
        List<TimelineDetail.StatusPageIncident> page = pageEntries(declared);
        assertEquals(2, page.size(), page.toString());
        assertEquals(List.of(PAGE_INCIDENT, PAGE_INCIDENT), page.stream().map(TimelineDetail.StatusPageIncident::name)
                .toList());
        assertEquals(List.of("major", "major"), page.stream().map(TimelineDetail.StatusPageIncident::impact).toList());
        assertEquals(List.of("investigating", "identified"), page.stream()
                .map(TimelineDetail.StatusPageIncident::status).toList());

        anthropicPage.serve(summaryWithOperationalComponents()); // a new ETag, the same incident
        poller().poll(provider(SeedCatalog.ANTHROPIC), anthropicPage.url(), state);
        assertEquals(page, pageEntries(declared), "what was attached is not recorded again");
    }

    @Test
    void anIncidentAnAlertOpensStartsWithThePagesOpenIncident() {
        readThePageTwice(SeedCatalog.OPENAI, openaiPage);

        assertEquals(202, SignalTestApp.post(server.getURI(), "/signals/alertmanager",
                AlertmanagerAlerts.firing("openai", "gpt-5"), SignalTestApp.TOKEN).statusCode());

        Incident opened = openIncidentAbout(SeedCatalog.OPENAI).orElseThrow();
        List<TimelineDetail.StatusPageIncident> page = pageEntries(opened);
        assertEquals(2, page.size(), page.toString());
        assertTrue(page.stream().allMatch(entry -> entry.name().equals(PAGE_INCIDENT)), page.toString());
    }

    /** A full reading, then a 304: the page has said all it will say until it changes. */
    private ProviderStatusPagePoller.PageState readThePageTwice(ProviderId provider, FakeProviderStatusPage page) {
        ProviderStatusPagePoller.PageState state = new ProviderStatusPagePoller.PageState();
        page.serve(summaryWithOperationalComponents());
        poller().poll(provider(provider), page.url(), state);
        poller().poll(provider(provider), page.url(), state);
        assertEquals(1, page.notModified());
        return state;
    }

    private ProviderStatusPagePoller poller() {
        return new ProviderStatusPagePoller(catalog, readings, locks,
                new ProviderStatusPageSettings(true, Duration.ofSeconds(60), Duration.ofSeconds(5), 2 * 1024 * 1024), jobs);
    }

    private dev.detour.incidents.catalog.Provider provider(ProviderId id) {
        return catalog.provider(id).orElseThrow();
    }

    private Optional<Incident> openIncidentAbout(ProviderId provider) {
        return incidents.openIncidentAbout(List.of(Target.provider(provider)));
    }

    private Incident awaitOpenIncidentAbout(ProviderId provider) {
        return Await.await(() -> openIncidentAbout(provider), Optional::isPresent, WAIT,
                "an open incident about " + provider).orElseThrow();
    }

    /** The timeline entries that came from the provider's status page, in the order recorded. */
    private List<TimelineDetail.StatusPageIncident> pageEntries(Incident incident) {
        return incidents.timeline(incident.id()).stream()
                .map(TimelineEntry::detail)
                .filter(TimelineDetail.StatusPageIncident.class::isInstance)
                .map(TimelineDetail.StatusPageIncident.class::cast).toList();
    }

    /** A page that lists an open incident while its components show operational (incident.io pages do this). */
    private static String summaryWithOperationalComponents() {
        try (InputStream in = ProviderStatusPageContextIT.class.getResourceAsStream("/statuspage/summary-partial-outage.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"partial_outage\"", "\"operational\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FakeProviderStatusPage start() {
        try {
            return new FakeProviderStatusPage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
