package dev.detour.incidents.queries;

import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.ports.ApprovalRequests;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.ports.SupportPosts;
import dev.detour.incidents.readmodel.IncidentReport;
import dev.detour.incidents.support.SupportPostRecord;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Gathers an {@link IncidentReport}: read in one transaction, so it is consistent. */
@Singleton
public class IncidentReports {
    private final IncidentService incidents;
    private final AuditTrail audit;
    private final SupportPosts supportPosts;
    private final Clock clock;
    private final ApprovalRequests approvals;

    public IncidentReports(IncidentService incidents, AuditTrail audit, SupportPosts supportPosts, Clock clock,
                           ApprovalRequests approvals) {
        this.approvals = approvals;
        this.incidents = incidents;
        this.audit = audit;
        this.supportPosts = supportPosts;
        this.clock = clock;
    }

    /** When support's last post about the incident promised the next one, if it did. */
    @Transactional(readOnly = true)
    public Optional<Instant> nextUpdateBy(IncidentId id) {
        return supportPosts.ofIncident(id, 1).stream().findFirst().flatMap(SupportPostRecord::nextUpdateBy);
    }

    @Transactional(readOnly = true)
    public Optional<IncidentReport> of(IncidentId id) {
        Optional<Incident> incident = incidents.find(id);
        if (incident.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // Route changes after the resolution too, up to now: the return to primary may come a little later.
        AuditQuery query = AuditQuery.everything().since(incident.get().openedAt()).oldest(AuditQuery.MAX_LIMIT);
        var changes = audit.search(query).stream().map(StoredAuditRecord::record)
                .filter(record -> record.action().equals(AuditAction.ROUTE_CHANGED)
                        && record.subject() instanceof AuditSubject.OfTaskClass)
                .filter(record -> !record.at().isAfter(now))
                .toList();
        return Optional.of(new IncidentReport(incident.get(), incidents.timeline(id), changes, now,
                approvals.ofIncident(id)));
    }
}
