package dev.detour.notifications.slack;

import dev.detour.incidents.application.MaintenanceService;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.jobs.MaintenancePreRouting;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incident channel hears of a status page's planned work once when first seen, again 15 minutes before it
 * starts, and once per change; with pre-route, the switch-off at its start is a maintenance incident of its own
 * (docs/maintenance.md). Through the outbox to a fake Slack.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaintenanceAnnouncementsIT implements TestPropertyProvider {
    private static final String TOKEN = "xoxb-1234567890-0987654321-abcdefghijklmnopqrstuvwx";

    private final FakeSlack slack = FakeSlack.start(TOKEN);

    @Inject SlackDispatcher dispatcher;
    @Inject IncidentService incidents;
    @Inject MaintenanceService maintenance;
    @Inject MaintenanceAnnouncements announcements;
    @Inject MaintenancePreRouting preRouting;
    @Inject Catalog catalog;
    @Inject MovableClock clock;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        slack.addChannel("C0SUPPORT", true);
        slack.addChannel("C0MANAGERS", true);
        Map<String, String> properties = new HashMap<>();
        TestDatabase.h2().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put(SeedConfigFactory.PRE_ROUTE_PROVIDER, "anthropic");
        properties.put("slack.bot-token", TOKEN);
        properties.put("slack.api-url", slack.apiUrl());
        properties.put("detour.outbox.first-poll", "1h");     // the test dispatches by hand
        properties.put("detour.maintenance.check", "1h");     // and checks by hand
        properties.put("detour.managers.heads-up-check", "1h");
        properties.put("detour.consent.check", "1h");
        properties.put("detour.slack.burst", "1000");
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @BeforeEach
    void drain() {
        clock.advance(Duration.ofDays(8));
        preRouting.routeDue();
        announcements.postDue();
        incidents.openIncidents().forEach(other -> incidents.resolve(other.id(), Actor.system("test"), "over"));
        while (dispatcher.dispatchDue() > 0) {
            clock.advance(Duration.ofSeconds(1));
        }
        slack.clear();
    }

    private List<String> channel() {
        dispatcher.dispatchDue();
        return slack.messagesIn("C0INCIDENTS").stream().map(call -> call.param("text")).toList();
    }

    private MaintenanceService.PageMaintenance page(String id, Instant start, Instant end) {
        return new MaintenanceService.PageMaintenance(id, "Database upgrade", "scheduled", start, end,
                List.of("Claude API"));
    }

    @Test
    void firstSeenThenFifteenMinutesAheadThenOnceForNewTimes() {
        String id = UUID.randomUUID().toString();
        Instant start = clock.instant().plus(Duration.ofHours(3));
        maintenance.fromStatusPage(catalog.provider(ANTHROPIC).orElseThrow(),
                page(id, start, start.plus(Duration.ofHours(1))));

        assertEquals(1, announcements.postDue());
        assertEquals(0, announcements.postDue(), "announced once");
        List<String> said = channel();
        assertEquals(1, said.size(), said.toString());
        String announcement = said.get(0);
        assertTrue(announcement.contains("Planned maintenance:* Database upgrade: Claude Opus 4.7, Claude Opus 4.8,"
                + " Claude Sonnet 4.6"), announcement);
        assertTrue(announcement.contains("<!date^" + start.getEpochSecond()), "Slack time: " + announcement);
        assertTrue(announcement.contains("from the status page of Anthropic"), announcement);
        assertTrue(announcement.contains("Features that would be affected:"), announcement);
        assertTrue(announcement.contains("switches Claude Opus 4.7, Claude Opus 4.8, Claude Sonnet 4.6 off when it"
                + " starts"), "pre-route: " + announcement);

        clock.set(start.minus(Duration.ofMinutes(15)));
        assertEquals(1, announcements.postDue());
        assertEquals(0, announcements.postDue(), "reminded once");
        assertTrue(channel().get(1).contains("Planned maintenance starts at"), channel().toString());

        maintenance.fromStatusPage(catalog.provider(ANTHROPIC).orElseThrow(),
                page(id, start.plus(Duration.ofHours(1)), start.plus(Duration.ofHours(2))));
        maintenance.fromStatusPage(catalog.provider(ANTHROPIC).orElseThrow(),
                page(id, start.plus(Duration.ofHours(1)), start.plus(Duration.ofHours(2))));
        assertEquals(1, announcements.postDue());
        assertEquals(0, announcements.postDue(), "the change is said once");
        assertEquals(3, channel().size());
        assertTrue(channel().get(2).contains("has new times"), channel().toString());
    }

    @Test
    void everySupportPostOfAPreRoutedMaintenanceGivesItsPlannedEnd() {
        String id = UUID.randomUUID().toString();
        Instant start = clock.instant().plus(Duration.ofMinutes(10));
        Instant end = start.plus(Duration.ofHours(2));
        maintenance.fromStatusPage(catalog.provider(ANTHROPIC).orElseThrow(), page(id, start, end));
        announcements.postDue();
        clock.set(start);
        assertEquals(1, preRouting.routeDue());
        dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(20));

        incidents.postUpdate(incidents.openIncidents().get(0).id(),
                new UpdateText("", "The provider is upgrading its database."), Actor.user("U0ALICE"));
        dispatcher.dispatchDue();

        List<String> support = slack.messagesIn("C0SUPPORT").stream().map(call -> call.param("text")).toList();
        String until = "planned until " + dev.detour.messages.SlackTime.plain(end, start);
        List<String> updates = support.stream().filter(text -> text.contains("Update 2")).toList();
        assertEquals(1, updates.size(), support.toString());
        assertTrue(updates.get(0).contains(until), "a later post keeps the planned end: " + updates.get(0));
    }

    @Test
    void preRoutedWorkIsAMaintenanceIncidentAndPlannedWorkCalledOffIsSaidOnce() {
        String id = UUID.randomUUID().toString();
        Instant start = clock.instant().plus(Duration.ofMinutes(10));
        maintenance.fromStatusPage(catalog.provider(ANTHROPIC).orElseThrow(),
                page(id, start, start.plus(Duration.ofHours(1))));
        announcements.postDue();
        clock.set(start);

        assertEquals(1, preRouting.routeDue());
        assertEquals("maintenance", incidents.openIncidents().get(0).kind().word());
        dispatcher.dispatchDue();
        List<String> support = slack.messagesIn("C0SUPPORT").stream().map(call -> call.param("text")).toList();
        assertTrue(support.stream().anyMatch(text -> text.contains("Planned maintenance on our AI features")),
                "support is told it is planned work, not an outage: " + support);
        String until = "planned until " + dev.detour.messages.SlackTime.plain(start.plus(Duration.ofHours(1)), start);
        assertTrue(support.stream().anyMatch(text -> text.contains(until)), "and when it ends: " + support);

        maintenance.fromStatusPage(catalog.provider(ANTHROPIC).orElseThrow(), new MaintenanceService.PageMaintenance(
                id, "Database upgrade", "completed", start, start.plus(Duration.ofHours(1)), List.of("Claude API")));
        assertEquals(1, announcements.postDue());
        assertEquals(1, preRouting.routeDue(), "completed early: the models come back");
        assertEquals(0, announcements.postDue());
        assertTrue(channel().stream().anyMatch(text -> text.contains("Planned maintenance completed")),
                channel().toString());
    }
}
