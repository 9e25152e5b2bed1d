package dev.detour.incidents.readmodel;

import dev.detour.incidents.approval.Approval;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.TimelineEntry;

import java.time.Instant;
import java.util.List;

/**
 * Everything a manager summary is made of: the incident, its timeline, every route change of every task class from
 * the opening until {@code at}, oldest first (from the audit trail, which also has the changes no incident was
 * named for, such as the return to primary after the resolution, so fallbacks and pauses have their exact start and
 * end), the big changes the two-person rule held or that were applied at once (docs/routing.md, "Two-person rule"),
 * and the targets that came back through a ramp (docs/recovery.md).
 */
public record IncidentReport(Incident incident, List<TimelineEntry> timeline, List<RouteChange> routeChanges,
                             Instant at, List<Approval> approvals, List<RampHistory> ramps) {
    public IncidentReport {
        timeline = List.copyOf(timeline);
        routeChanges = List.copyOf(routeChanges);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        ramps = ramps == null ? List.of() : List.copyOf(ramps);
    }

    /** Without ramps: every target came back at once. */
    public IncidentReport(Incident incident, List<TimelineEntry> timeline, List<RouteChange> routeChanges,
                          Instant at, List<Approval> approvals) {
        this(incident, timeline, routeChanges, at, approvals, List.of());
    }

    /** Without approvals: no change of the incident waited for a second person. */
    public IncidentReport(Incident incident, List<TimelineEntry> timeline, List<RouteChange> routeChanges,
                          Instant at) {
        this(incident, timeline, routeChanges, at, List.of());
    }

    /** The big changes that were made: approved requests and emergency applies, oldest first. */
    public List<Approval> bigChanges() {
        return approvals.stream().filter(approval -> approval.kind() == Approval.Kind.EMERGENCY
                || approval.state() == Approval.State.APPROVED).toList();
    }
}
