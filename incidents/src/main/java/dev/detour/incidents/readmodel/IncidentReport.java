package dev.detour.incidents.readmodel;

import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.TimelineEntry;

import java.time.Instant;
import java.util.List;

/**
 * Everything a manager summary is made of: the incident, its timeline, and every route change while it was
 * open (from the audit trail, so fallbacks and pauses have their exact start and end).
 */
public record IncidentReport(Incident incident, List<TimelineEntry> timeline, List<AuditRecord> routeChanges,
                             Instant at) {
    public IncidentReport {
        timeline = List.copyOf(timeline);
        routeChanges = List.copyOf(routeChanges);
    }
}
