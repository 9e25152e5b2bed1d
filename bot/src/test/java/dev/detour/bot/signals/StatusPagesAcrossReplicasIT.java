package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.bot.metrics.StatusPageMeters;
import dev.detour.bot.slack.SignedSlack;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.lifecycle.Jobs;
import dev.detour.incidents.lifecycle.SingleWriter;
import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.OnPostgres;
import dev.detour.incidents.testing.TestDatabase;
import dev.detour.notifications.testing.FakeSlack;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Two replicas on one PostgreSQL: a status page that the polling replica cannot read is "unreadable" in the other
 * replica's {@code /api/status} and metric too, with the same reason and {@code since}, and readable on both once
 * it reads again (docs/signals.md, "Status page unreadable").
 */
@OnPostgres
class StatusPagesAcrossReplicasIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aPageThePollingReplicaCannotReadIsUnreadableOnBothReplicasAndReadableOnBothAgain() throws IOException {
        Map<String, Object> database = TestDatabase.postgres();
        try (FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
             FakeProviderStatusPage page = new FakeProviderStatusPage();
             ApplicationContext polling = replica(database, slack);
             ApplicationContext other = replica(database, slack)) {
            page.serve("<!DOCTYPE html><html><head><title>Claude Status</title></head><body>moved</body></html>");

            assertThrows(IllegalStateException.class, () -> poll(polling, page));

            JsonNode seen = anthropicPage(polling);
            assertEquals("unreadable", seen.path("state").asText(), seen.toString());
            JsonNode told = Await.await(() -> anthropicPage(other),
                    statusPage -> statusPage.path("state").asText().equals("unreadable"), WAIT,
                    "the other replica's /api/status to show the page unreadable");
            assertEquals(seen.path("reason"), told.path("reason"), told.toString());
            assertEquals(seen.path("since"), told.path("since"), told.toString());
            assertEquals(1.0, unreadableGauge(polling));
            assertEquals(1.0, unreadableGauge(other), "the metric agrees on the replica that does not poll");

            page.serve(fixture("statuspage/summary-incident-io.json"));
            poll(polling, page);

            Await.await(() -> anthropicPage(other).path("state").asText(), "readable"::equals, WAIT,
                    "the other replica to show the page readable again");
            assertEquals(0.0, unreadableGauge(other));
            assertEquals("readable", anthropicPage(polling).path("state").asText());
        }
    }

    private static void poll(ApplicationContext replica, FakeProviderStatusPage page) {
        Catalog catalog = replica.getBean(Catalog.class);
        Provider anthropic = catalog.provider(SeedCatalog.ANTHROPIC).orElseThrow();
        new ProviderStatusPagePoller(catalog, replica.getBean(ProviderStatusPageReadings.class),
                replica.getBean(SingleWriter.class), new ProviderStatusPageSettings(true, Duration.ofSeconds(60),
                Duration.ofSeconds(5), 2 * 1024 * 1024), replica.getBean(Jobs.class))
                .poll(anthropic, page.url(), new ProviderStatusPagePoller.PageState());
    }

    private static JsonNode anthropicPage(ApplicationContext replica) {
        for (JsonNode statusPage : SignalTestApp.get(replica.getBean(EmbeddedServer.class).getURI(), "/api/status")
                .path("statusPages")) {
            if (statusPage.path("provider").asText().equals("anthropic")) {
                return statusPage;
            }
        }
        throw new AssertionError("no status page for anthropic in /api/status");
    }

    private static double unreadableGauge(ApplicationContext replica) {
        return replica.getBean(MeterRegistry.class).get(StatusPageMeters.METER).tag("provider", "anthropic").gauge()
                .value();
    }

    private static String fixture(String name) {
        try (InputStream in = StatusPagesAcrossReplicasIT.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApplicationContext replica(Map<String, Object> database, FakeSlack slack) {
        Map<String, Object> properties = new HashMap<>(SignedSlack.properties(slack));
        properties.putAll(database);
        properties.put("detour.statuspage.poll", "false"); // the test polls by hand, on the first replica only
        properties.put("detour.statuspage.readability-refresh", "100ms");
        properties.put("micronaut.server.port", "-1");
        return ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
    }
}
