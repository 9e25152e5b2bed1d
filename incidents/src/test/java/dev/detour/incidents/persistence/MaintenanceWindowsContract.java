package dev.detour.incidents.persistence;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.maintenance.MaintenanceId;
import dev.detour.incidents.maintenance.MaintenanceSource;
import dev.detour.incidents.maintenance.MaintenanceStatus;
import dev.detour.incidents.maintenance.MaintenanceWindow;
import dev.detour.incidents.ports.MaintenanceWindows;
import dev.detour.incidents.testing.SeedConfigFactory;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Maintenance windows on each database: recorded once, read back as written, updated as they go on. */
abstract class MaintenanceWindowsContract implements TestPropertyProvider {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final List<Target> TARGETS = List.of(Target.model(new ModelId("claude-opus-4-8")),
            Target.provider(new ProviderId("openai")));

    @Inject MaintenanceWindows windows;
    @Inject TransactionOperations<Connection> transactions;

    protected abstract Map<String, Object> database();

    @Override
    public Map<String, String> getProperties() {
        return SeedConfigFactory.properties(database());
    }

    private static MaintenanceWindow fromPage(String pageId, Instant start) {
        return MaintenanceWindow.recorded(MaintenanceId.fromStatusPage("anthropic", pageId),
                new MaintenanceSource.StatusPage(new ProviderId("anthropic"), pageId), "Database upgrade", TARGETS,
                start, start.plus(Duration.ofHours(2)), MaintenanceStatus.SCHEDULED, NOW);
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }

    @Test
    void aWindowFromAStatusPageIsRecordedOnceAndReadBackAsWritten() {
        MaintenanceWindow window = fromPage(UUID.randomUUID().toString(), NOW.plus(Duration.ofHours(2)));

        assertTrue(inTransaction(() -> windows.record(window)));
        assertFalse(inTransaction(() -> windows.record(window)), "the second poll, or the other replica");
        assertEquals(Optional.of(window), inTransaction(() -> windows.find(window.id())));
    }

    @Test
    void aWindowByHandKeepsItsAuthorAndItsProgress() {
        MaintenanceWindow window = MaintenanceWindow.recorded(MaintenanceId.random(),
                new MaintenanceSource.ByHand(Actor.user("U0ALICE")), "", TARGETS.subList(0, 1),
                NOW.plus(Duration.ofMinutes(10)), NOW.plus(Duration.ofHours(1)), MaintenanceStatus.SCHEDULED, NOW);
        inTransaction(() -> windows.record(window));
        MaintenanceWindow progressed = window.told(NOW).started(NOW.plus(Duration.ofMinutes(10)), Optional.empty())
                .cancelled().orElseThrow();

        inTransaction(() -> {
            windows.lock(window.id()).orElseThrow();
            windows.save(progressed);
            return null;
        });

        assertEquals(Optional.of(progressed), inTransaction(() -> windows.find(window.id())));
    }

    @Test
    void windowsOverLongAgoAreLeftOutUnlessSomethingIsStillOwed() {
        Instant longAgo = NOW.minus(Duration.ofDays(30));
        MaintenanceWindow over = fromPage(UUID.randomUUID().toString(), longAgo).told(longAgo);
        MaintenanceWindow stillOff = fromPage(UUID.randomUUID().toString(), longAgo).told(longAgo)
                .started(longAgo, Optional.empty());
        MaintenanceWindow coming = fromPage(UUID.randomUUID().toString(), NOW.plus(Duration.ofDays(1)));
        inTransaction(() -> windows.record(over) && windows.record(stillOff) && windows.record(coming));

        List<MaintenanceId> listed = inTransaction(() -> windows.notOverBefore(NOW.minus(Duration.ofDays(1))))
                .stream().map(MaintenanceWindow::id).toList();

        assertFalse(listed.contains(over.id()));
        assertTrue(listed.contains(stillOff.id()));
        assertTrue(listed.contains(coming.id()));
    }
}
