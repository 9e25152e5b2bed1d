package dev.detour.incidents.application;

import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.jobs.MaintenancePreRouting;
import dev.detour.incidents.maintenance.MaintenancePlan;
import dev.detour.incidents.maintenance.MaintenanceStatus;
import dev.detour.incidents.maintenance.MaintenanceStep;
import dev.detour.incidents.maintenance.MaintenanceWindow;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.ports.MaintenanceWindows;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPENAI;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static dev.detour.incidents.SeedCatalog.SONNET_46;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Maintenance windows through the use case, on each database, on a clock the test moves. Anthropic routes around
 * its planned work ({@code maintenance: pre-route}); OpenAI only announces it.
 */
abstract class MaintenanceContract implements TestPropertyProvider {
    @Inject MaintenanceService maintenance;
    @Inject MaintenancePreRouting preRouting;
    @Inject MaintenanceWindows windows;
    @Inject IncidentService incidents;
    @Inject AvailabilityService availability;
    @Inject StatusService status;
    @Inject AuditTrail audit;
    @Inject Catalog catalog;
    @Inject MovableClock clock;

    protected abstract Map<String, Object> database();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SeedConfigFactory.properties(database());
        properties.put(SeedConfigFactory.PRE_ROUTE_PROVIDER, "anthropic");
        return properties;
    }

    @BeforeEach
    void nothingOpenAndEverythingOn() {
        clock.advance(Duration.ofDays(8)); // earlier tests' windows are over
        incidents.openIncidents().forEach(incident -> incidents.resolve(incident.id(), Actor.system("test"), ""));
        availability.set(List.of(Target.provider(ANTHROPIC), Target.provider(OPENAI), Target.model(OPUS_48),
                Target.model(OPUS_47), Target.model(SONNET_46), Target.model(GPT_5)), true, Actor.system("test"),
                Optional.empty(), Optional.empty());
        preRouting.routeDue(); // whatever an earlier test left owed
    }

    private MaintenanceService.PageMaintenance page(String pageId, String pageStatus, Instant start, Instant end) {
        return new MaintenanceService.PageMaintenance(pageId, "Database upgrade", pageStatus, start, end,
                List.of("Claude API"));
    }

    private boolean available(Target target) {
        return target.fold(p -> status.current().providers().stream().filter(s -> s.id().equals(p)).findFirst()
                        .orElseThrow().available(),
                m -> status.current().models().stream().filter(s -> s.id().equals(m)).findFirst().orElseThrow()
                        .available());
    }

    @Test
    void aStatusPageMaintenanceIsRecordedOnceAndItsChangeIsOneRevision() {
        String pageId = UUID.randomUUID().toString();
        Instant start = clock.instant().plus(Duration.ofHours(2));
        var anthropic = catalog.provider(ANTHROPIC).orElseThrow();

        assertEquals(MaintenanceService.PageOutcome.RECORDED, maintenance.fromStatusPage(anthropic,
                page(pageId, "scheduled", start, start.plus(Duration.ofHours(1)))));
        assertEquals(MaintenanceService.PageOutcome.UNCHANGED, maintenance.fromStatusPage(anthropic,
                page(pageId, "scheduled", start, start.plus(Duration.ofHours(1)))), "the next poll, or the webhook");
        assertEquals(MaintenanceService.PageOutcome.CHANGED, maintenance.fromStatusPage(anthropic,
                page(pageId, "scheduled", start, start.plus(Duration.ofHours(3)))));
        assertEquals(MaintenanceService.PageOutcome.UNMAPPED, maintenance.fromStatusPage(anthropic,
                new MaintenanceService.PageMaintenance("x", "Console", "scheduled", start,
                        start.plus(Duration.ofHours(1)), List.of("Console"))));

        MaintenanceWindow window = maintenance.upcoming().stream()
                .filter(w -> w.name().equals("Database upgrade") && w.startsAt().equals(start)).findFirst()
                .orElseThrow();
        assertEquals(2, window.revision());
        assertEquals(List.of(Target.model(OPUS_47), Target.model(OPUS_48), Target.model(SONNET_46)),
                window.targets());
        assertEquals(List.of("maintenance.changed", "maintenance.recorded"),
                audit.search(AuditQuery.everything().since(clock.instant()).newest(10)).stream()
                        .map(stored -> stored.record().action().text()).filter(a -> a.startsWith("maintenance"))
                        .toList());
    }

    @Test
    void preRouteSwitchesTheTargetsOffAsAMaintenanceIncidentAndOnAgainAtTheEnd() {
        Instant start = clock.instant().plus(Duration.ofMinutes(30));
        maintenance.fromStatusPage(catalog.provider(ANTHROPIC).orElseThrow(),
                page(UUID.randomUUID().toString(), "scheduled", start, start.plus(Duration.ofHours(1))));
        assertEquals(0, preRouting.routeDue(), "not yet");

        clock.set(start);
        assertEquals(1, preRouting.routeDue());
        assertFalse(available(Target.model(OPUS_48)));
        Incident incident = incidents.openIncidentAbout(List.of(Target.model(OPUS_48))).orElseThrow();
        assertEquals(IncidentKind.MAINTENANCE, incident.kind());
        List<String> routeReasons = audit.search(AuditQuery.everything().forIncident(incident.id()).newest(50))
                .stream().filter(stored -> stored.record().action().text().equals("route.changed"))
                .map(stored -> stored.record().reason().orElse("")).toList();
        assertFalse(routeReasons.isEmpty(), "Meeting summaries moved off Claude Opus 4.8");
        assertTrue(routeReasons.stream().allMatch(reason -> reason.contains("planned-maintenance window=M-")),
                "the routes moved for planned maintenance, a kind of change of its own: " + routeReasons);
        assertEquals(0, preRouting.routeDue(), "started once");

        clock.set(start.plus(Duration.ofHours(1)));
        assertEquals(1, preRouting.routeDue());
        assertTrue(available(Target.model(OPUS_48)));
        assertEquals(0, preRouting.routeDue(), "ended once");
    }

    @Test
    void aProviderThatOnlyAnnouncesKeepsItsModelsOn() {
        Instant start = clock.instant().plus(Duration.ofMinutes(5));
        MaintenanceService.ScheduleOutcome outcome = maintenance.schedule(new MaintenancePlan(
                List.of(Target.model(GPT_5)), start, start.plus(Duration.ofHours(1)), Optional.of("key rotation")),
                Actor.user("U0ALICE"));
        MaintenanceWindow window = ((MaintenanceService.ScheduleOutcome.Scheduled) outcome).window();

        clock.set(start.plus(Duration.ofMinutes(1)));
        preRouting.routeDue();

        assertTrue(available(Target.model(GPT_5)));
        assertEquals(List.of(MaintenanceStep.ANNOUNCE), maintenance.due().stream()
                .filter(due -> due.window().id().equals(window.id())).findFirst().orElseThrow().steps());
    }

    @Test
    void cancellingARunningPreRoutedWindowBringsTheTargetsBackAndIsAudited() {
        Instant start = clock.instant().plus(Duration.ofMinutes(5));
        MaintenanceWindow window = ((MaintenanceService.ScheduleOutcome.Scheduled) maintenance.schedule(
                new MaintenancePlan(List.of(Target.model(OPUS_47)), start, start.plus(Duration.ofHours(1)),
                        Optional.empty()), Actor.user("U0ALICE"))).window();
        clock.set(start);
        preRouting.routeDue();
        assertFalse(available(Target.model(OPUS_47)));

        assertInstanceOf(MaintenanceService.CancelOutcome.Cancelled.class,
                maintenance.cancel(window.id(), Actor.user("U0ALICE")));
        assertInstanceOf(MaintenanceService.CancelOutcome.AlreadyOver.class,
                maintenance.cancel(window.id(), Actor.user("U0ALICE")));
        preRouting.routeDue();

        assertTrue(available(Target.model(OPUS_47)));
        assertEquals(MaintenanceStatus.CANCELLED, windows.find(window.id()).orElseThrow().status());
        assertTrue(maintenance.upcoming().stream().noneMatch(w -> w.id().equals(window.id())));
        assertEquals(List.of("maintenance.cancelled", "maintenance.scheduled"),
                audit.search(AuditQuery.everything().since(start.minus(Duration.ofMinutes(5))).newest(20)).stream()
                        .map(stored -> stored.record().action().text()).filter(a -> a.startsWith("maintenance"))
                        .toList());
    }

    @Test
    void aPlanThatEndsBeforeItStartsChangesNothing() {
        Instant start = clock.instant().plus(Duration.ofHours(1));
        int before = maintenance.upcoming().size();
        MaintenanceService.ScheduleOutcome outcome = maintenance.schedule(new MaintenancePlan(
                List.of(Target.model(GPT_5)), start, start.minus(Duration.ofMinutes(1)), Optional.empty()),
                Actor.user("U0ALICE"));

        assertInstanceOf(MaintenanceService.ScheduleOutcome.Refused.class, outcome);
        assertEquals(before, maintenance.upcoming().size());
    }

    @Test
    void markingAnAnnouncementToldLeavesNothingDue() {
        Instant start = clock.instant().plus(Duration.ofHours(3));
        MaintenanceWindow window = ((MaintenanceService.ScheduleOutcome.Scheduled) maintenance.schedule(
                new MaintenancePlan(List.of(Target.provider(OPENAI)), start, start.plus(Duration.ofHours(1)),
                        Optional.empty()), Actor.user("U0ALICE"))).window();

        maintenance.markTold(window, MaintenanceStep.ANNOUNCE);

        assertTrue(maintenance.due().stream().noneMatch(due -> due.window().id().equals(window.id())));
        assertEquals(ProviderId.of("openai"), catalog.providerOf(window.targets().get(0)));
    }
}
