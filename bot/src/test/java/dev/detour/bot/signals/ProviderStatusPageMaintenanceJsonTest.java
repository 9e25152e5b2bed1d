package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.incidents.application.MaintenanceService;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Planned work read from a replayed summary.json and a maintenance webhook (fixtures: statuspage/README.md). */
class ProviderStatusPageMaintenanceJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FROM = Instant.parse("2026-06-08T02:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-06-08T04:00:00Z");

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = ProviderStatusPageMaintenanceJsonTest.class.getResourceAsStream("/statuspage/" + name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void aSummaryListsItsScheduledMaintenancesWithTheirComponents() throws IOException {
        List<MaintenanceService.PageMaintenance> found = ProviderStatusPageJson.maintenances(
                fixture("summary-scheduled-maintenance.json"));

        assertEquals(new MaintenanceService.PageMaintenance("w2mq7h1v8k4d",
                "Scheduled database maintenance for the Claude API", "scheduled", FROM, UNTIL,
                List.of("Claude API")), found.get(0));
        assertEquals(List.of("claude.ai"), found.get(1).components());
    }

    @Test
    void aMaintenanceWebhookIsTheSameWindowAndNotAnIncidentUpdate() throws IOException {
        JsonNode webhook = fixture("maintenance-scheduled-webhook.json");

        List<MaintenanceService.PageMaintenance> found = ProviderStatusPageJson.maintenances(webhook);

        assertEquals(1, found.size());
        assertEquals("w2mq7h1v8k4d", found.get(0).pageId());
        assertEquals(FROM, found.get(0).startsAt());
        assertEquals(UNTIL, found.get(0).endsAt());
        assertTrue(ProviderStatusPageJson.updates(webhook, Instant.parse("2026-06-07T08:00:00Z"),
                new SignalTimes(java.time.Clock.fixed(Instant.parse("2026-06-07T08:00:00Z"),
                        java.time.ZoneOffset.UTC))).plausible().isEmpty(), "planned work is no incident update");
    }

    @Test
    void anIncidentIsNoMaintenanceAndAMaintenanceWithoutTimesIsLeftOut() throws IOException {
        assertTrue(ProviderStatusPageJson.maintenances(fixture("summary-partial-outage.json")).isEmpty());
        JsonNode noTimes = JSON.readTree("{\"scheduled_maintenances\":[{\"id\":\"x\",\"name\":\"n\","
                + "\"scheduled_for\":\"soon\",\"components\":[{\"name\":\"Claude API\"}]}]}");
        assertTrue(ProviderStatusPageJson.maintenances(noTimes).isEmpty());
    }
}
