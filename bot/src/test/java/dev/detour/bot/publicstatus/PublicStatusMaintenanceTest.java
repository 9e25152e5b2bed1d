package dev.detour.bot.publicstatus;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public status page and its JSON call planned work "Planned maintenance", with its times (docs/maintenance.md). */
class PublicStatusMaintenanceTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final PublicStatusSettings SETTINGS = new PublicStatusSettings(null, Duration.ofSeconds(30),
            "AI feature status", null, null);
    private static final PublicStatusLinks LINKS = PublicStatusLinks.under("https://status.example.com");
    private static final PublicStatus.PlannedMaintenance PLANNED = new PublicStatus.PlannedMaintenance(
            List.of("Meeting summaries", "Contract review"), Instant.parse("2026-12-07T14:00:00Z"),
            Instant.parse("2026-12-07T15:30:00Z"), false);

    @Test
    void thePageListsPlannedMaintenanceWithItsTimes() {
        PublicStatus status = new PublicStatus(NOW, List.of(), List.of(), List.of(), List.of(), List.of(PLANNED));

        String page = new String(new PublicStatusPage(SETTINGS, false).render(status, LINKS), StandardCharsets.UTF_8);

        assertTrue(page.contains("<h2>Planned maintenance</h2>"), page);
        assertTrue(page.contains("Planned maintenance: Meeting summaries, Contract review, <time datetime=\""
                + "2026-12-07T14:00:00Z\">"), page);
        assertTrue(page.contains(" to <time datetime=\"2026-12-07T15:30:00Z\">"), page);
    }

    @Test
    void withoutPlannedMaintenanceThePageHasNoSuchSection() {
        String page = new String(new PublicStatusPage(SETTINGS, false).render(new PublicStatus(NOW, List.of(),
                List.of(), List.of()), LINKS), StandardCharsets.UTF_8);

        assertFalse(page.contains("Planned maintenance"), page);
    }

    @Test
    void theJsonCarriesItToo() {
        PublicStatusJson json = PublicStatusJson.of(new PublicStatus(NOW, List.of(), List.of(), List.of(),
                List.of(), List.of(PLANNED)), LINKS);

        assertEquals(List.of(new PublicStatusJson.Maintenance("Planned maintenance",
                List.of("Meeting summaries", "Contract review"), PLANNED.from(), PLANNED.until(), false)),
                json.maintenance());
    }
}
