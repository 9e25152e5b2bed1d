package dev.detour.incidents.queries;

import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.application.RouteAuditValue;
import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.ports.ApprovalRequests;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.ports.RampStore;
import dev.detour.incidents.ports.SupportPosts;
import dev.detour.incidents.readmodel.IncidentReport;
import dev.detour.incidents.readmodel.RampHistory;
import dev.detour.incidents.readmodel.RouteChange;
import dev.detour.incidents.recovery.Ramp;
import dev.detour.incidents.support.SupportPostRecord;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gathers an {@link IncidentReport}: read in one transaction, so it is consistent. */
@Singleton
public class IncidentReports {
    private final IncidentService incidents;
    private final AuditTrail audit;
    private final SupportPosts supportPosts;
    private final Clock clock;
    private final ApprovalRequests approvals;
    private final RampStore rampStore;

    public IncidentReports(IncidentService incidents, AuditTrail audit, SupportPosts supportPosts, Clock clock,
                           ApprovalRequests approvals, RampStore rampStore) {
        this.rampStore = rampStore;
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
        List<AuditRecord> records = audit.search(query).stream().map(StoredAuditRecord::record)
                .filter(record -> !record.at().isAfter(now)).toList();
        List<RouteChange> changes = records.stream().flatMap(record -> routeChange(record).stream()).toList();
        return Optional.of(new IncidentReport(incident.get(), incidents.timeline(id), changes, now,
                approvals.ofIncident(id), ramps(id, records)));
    }

    /**
     * The route a {@code route.changed} record says its task class took. Every such record was written by
     * {@link RouteAuditValue}; one it cannot read (never written so) is left out rather than failing the report.
     */
    private static Optional<RouteChange> routeChange(AuditRecord record) {
        if (!record.action().equals(AuditAction.ROUTE_CHANGED)
                || !(record.subject() instanceof AuditSubject.OfTaskClass subject)) {
            return Optional.empty();
        }
        return record.after().flatMap(RouteAuditValue::read)
                .map(route -> new RouteChange(record.at(), subject.id(), route.state(), route.serving()));
    }

    /**
     * Each target that came back through a ramp about the incident, in the order they started: its times and
     * rollbacks from the {@code ramp.*} audit records (their actions and subjects, never their words), its steps from
     * the stored ramp.
     */
    private List<RampHistory> ramps(IncidentId id, List<AuditRecord> records) {
        Map<Target, List<AuditRecord>> byTarget = new LinkedHashMap<>();
        for (AuditRecord record : records) {
            if (record.incident().equals(Optional.of(id)) && record.action().text().startsWith(RAMP)
                    && record.subject() instanceof AuditSubject.OfTargets subject && subject.targets().size() == 1) {
                byTarget.computeIfAbsent(subject.targets().get(0), target -> new ArrayList<>()).add(record);
            }
        }
        List<RampHistory> histories = new ArrayList<>();
        byTarget.forEach((target, moves) -> {
            Optional<Instant> started = moves.stream().filter(move -> is(move, "started")).map(AuditRecord::at)
                    .findFirst();
            Optional<Ramp> ramp = rampStore.find(target);
            if (started.isEmpty() || ramp.isEmpty()) {
                return;
            }
            AuditRecord last = moves.get(moves.size() - 1);
            histories.add(new RampHistory(target, ramp.get().steps(), started.get(),
                    is(last, "completed") ? Optional.of(last.at()) : Optional.empty(),
                    (int) moves.stream().filter(move -> is(move, "rolled-back")).count(), is(last, "aborted")));
        });
        return histories;
    }

    private static boolean is(AuditRecord record, String move) {
        return record.action().text().equals(RAMP + move);
    }

    private static final String RAMP = "ramp.";
}
