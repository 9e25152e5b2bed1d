package dev.detour.incidents.persistence;

import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.maintenance.MaintenanceId;
import dev.detour.incidents.maintenance.MaintenanceSource;
import dev.detour.incidents.maintenance.MaintenanceStatus;
import dev.detour.incidents.maintenance.MaintenanceWindow;
import dev.detour.incidents.ports.MaintenanceWindows;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Maintenance windows in {@code maintenance_window}. */
@Singleton
public class MaintenanceWindowsTable implements MaintenanceWindows {
    private static final String STATUS_PAGE = "status-page";
    private static final String BY_HAND = "by-hand";

    private final MaintenanceWindowRepository rows;

    public MaintenanceWindowsTable(MaintenanceWindowRepository rows) {
        this.rows = rows;
    }

    @Override
    public boolean record(MaintenanceWindow window) {
        MaintenanceWindowRow row = row(window);
        return rows.insertIfAbsent(row.id(), row.sourceKind(), row.provider(), row.pageId(), row.createdBy(),
                row.name(), row.targets(), row.startsAt(), row.endsAt(), row.status(), row.recordedAt(),
                row.revision(), row.toldRevision(), row.remindedFor(), row.startedAt(), row.endedAt(),
                row.incidentId()) == 1;
    }

    @Override
    public Optional<MaintenanceWindow> find(MaintenanceId id) {
        return rows.findById(id.value()).map(MaintenanceWindowsTable::window);
    }

    @Override
    public Optional<MaintenanceWindow> lock(MaintenanceId id) {
        return rows.lock(id.value()).map(MaintenanceWindowsTable::window);
    }

    @Override
    public void save(MaintenanceWindow window) {
        rows.update(row(window));
    }

    @Override
    public List<MaintenanceWindow> notOverBefore(java.time.Instant since) {
        return rows.findNotOverBefore(since).stream().map(MaintenanceWindowsTable::window).toList();
    }

    private static MaintenanceWindowRow row(MaintenanceWindow window) {
        String kind;
        String provider = null;
        String pageId = null;
        String createdBy = null;
        if (window.source() instanceof MaintenanceSource.StatusPage page) {
            kind = STATUS_PAGE;
            provider = page.provider().value();
            pageId = page.pageId();
        } else {
            kind = BY_HAND;
            createdBy = ((MaintenanceSource.ByHand) window.source()).by().toString();
        }
        return new MaintenanceWindowRow(window.id().value(), kind, provider, pageId, createdBy, window.name(),
                window.targets().stream().map(TargetKeys::key).collect(Collectors.joining(",")), window.startsAt(),
                window.endsAt(), window.status().word(), window.recordedAt(), window.revision(),
                window.toldRevision(), window.remindedFor().orElse(null), window.startedAt().orElse(null),
                window.endedAt().orElse(null), window.incident().map(IncidentId::number).orElse(null));
    }

    private static MaintenanceWindow window(MaintenanceWindowRow row) {
        MaintenanceSource source = STATUS_PAGE.equals(row.sourceKind())
                ? new MaintenanceSource.StatusPage(new ProviderId(row.provider()), row.pageId())
                : new MaintenanceSource.ByHand(Actor.parse(row.createdBy()));
        List<Target> targets = Arrays.stream(row.targets().split(",")).map(TargetKeys::target).toList();
        return new MaintenanceWindow(new MaintenanceId(row.id()), source, row.name(), targets, row.startsAt(),
                row.endsAt(), MaintenanceStatus.fromWord(row.status()).orElseThrow(), row.recordedAt(),
                row.revision(), row.toldRevision(), Optional.ofNullable(row.remindedFor()),
                Optional.ofNullable(row.startedAt()), Optional.ofNullable(row.endedAt()),
                Optional.ofNullable(row.incidentId()).map(IncidentId::new));
    }
}
