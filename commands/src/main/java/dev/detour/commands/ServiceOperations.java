package dev.detour.commands;

import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.Approvals;
import dev.detour.incidents.application.ChangePreviews;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.application.RouteService;
import dev.detour.incidents.application.MaintenanceService;
import dev.detour.incidents.application.RoutingOutcome;
import dev.detour.incidents.application.Subscriptions;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.MaintenancePolicy;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.application.RampService;
import dev.detour.incidents.recovery.RampChange;
import dev.detour.incidents.recovery.RampCommand;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.QuestionSettlement;
import dev.detour.incidents.ports.ThreadQuestions;
import dev.detour.incidents.incident.Resolution;
import dev.detour.incidents.maintenance.MaintenanceId;
import dev.detour.incidents.maintenance.MaintenancePlan;
import dev.detour.incidents.maintenance.MaintenanceWindow;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.catalog.ConfirmPolicy;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.PolicySettings;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.PreviewOutcome;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.queries.CurrentFlags;
import dev.detour.incidents.queries.IncidentReports;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.readmodel.IncidentReport;
import dev.detour.incidents.routing.RouteOverride;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@link Operations} over the incidents services, which own the transactions. */
@Singleton
public class ServiceOperations implements Operations {
    private final IncidentService incidents;
    private final AvailabilityService availability;
    private final RouteService routes;
    private final ChangePreviews previews;
    private final CurrentFlags committed;
    private final AuditTrail audit;
    private final IncidentReports reports;
    private final Subscriptions subscriptions;
    private final Clock clock;
    private final ThreadQuestions questions;
    private final PolicySettings policy;
    private final Approvals approvals;
    private final RampService ramps;
    private final MaintenanceService maintenance;

    public ServiceOperations(IncidentService incidents, AvailabilityService availability, RouteService routes,
                             ChangePreviews previews, CurrentFlags committed, AuditTrail audit, IncidentReports reports,
                             Subscriptions subscriptions, Clock clock, ThreadQuestions questions,
                             DetourConfig config, Approvals approvals, RampService ramps,
                             MaintenanceService maintenance) {
        this.approvals = approvals;
        this.ramps = ramps;
        this.maintenance = maintenance;
        this.policy = config.policy();
        this.questions = questions;
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.incidents = incidents;
        this.availability = availability;
        this.routes = routes;
        this.previews = previews;
        this.committed = committed;
        this.audit = audit;
        this.reports = reports;
    }

    @Override
    public Optional<Incident> openIncidentAbout(List<Target> targets) {
        return incidents.openIncidentAbout(targets);
    }

    @Override
    public IncidentChange openOrJoin(IncidentKind kind, String title, List<Target> targets, Actor by) {
        return incidents.openOrJoin(kind, title, targets, by);
    }

    @Override
    public IncidentChange acknowledge(IncidentId id, Actor by) {
        return incidents.acknowledge(id, by);
    }

    @Override
    public IncidentChange changeState(IncidentId id, IncidentState next, Actor by) {
        return incidents.changeState(id, next, by);
    }

    @Override
    public IncidentChange retitle(IncidentId id, String title, Actor by) {
        return incidents.retitle(id, title, by);
    }

    @Override
    public IncidentChange setKind(IncidentId id, IncidentKind kind, Actor by) {
        return incidents.setKind(id, kind, by);
    }

    @Override
    public IncidentChange resolve(IncidentId id, Actor by, Resolution resolution) {
        return incidents.resolve(id, by, resolution);
    }

    @Override
    public IncidentChange reopen(IncidentId id, Actor by, String reason) {
        return incidents.reopen(id, by, reason);
    }

    @Override
    public IncidentChange postUpdate(IncidentId id, UpdateText text, Actor by) {
        return incidents.postUpdate(id, text, by);
    }

    @Override
    public RoutingOutcome disable(List<Target> targets, Actor by, Optional<String> reason) {
        return availability.disable(targets, by, reason);
    }

    @Override
    public RoutingOutcome enable(List<Target> targets, Actor by, Optional<String> reason, boolean atOnce) {
        return ramps.enable(targets, by, reason, atOnce);
    }

    @Override
    public RampChange ramp(Target target, RampCommand command, Actor by, Optional<String> reason) {
        return ramps.command(target, command, by, reason);
    }

    @Override
    public RoutingOutcome override(TaskClassId taskClass, Optional<RouteOverride> override, Actor by) {
        return routes.override(taskClass, override, by, Optional.empty());
    }

    @Override
    public RoutingOutcome answerConsent(TaskClassId taskClass, ConsentAnswer answer, Actor by) {
        return routes.answerConsent(taskClass, answer, by);
    }

    @Override
    public PreviewOutcome preview(ProposedChange change) {
        return previews.preview(change);
    }

    @Override
    public ConfirmPolicy confirmPolicy() {
        return policy.confirm();
    }

    /** Only the change and the version of a preview decide what applying it does. */
    @Override
    public ChangePreviews.Applying confirm(ProposedChange.Disable change, String version, Actor by,
                                           Optional<String> reason) {
        return confirm(change, version, by, reason, Optional.empty());
    }

    @Override
    public ChangePreviews.Applying confirm(ProposedChange.Disable change, String version, Actor by,
                                           Optional<String> reason,
                                           Optional<dev.detour.incidents.incident.TimelineDetail.ScopeChosen> scope) {
        return previews.apply(new Preview(change, version, List.of(), List.of(), List.of(), List.of(),
                Optional.empty()), by, reason, scope);
    }

    @Override
    public boolean needsSecondApprover(List<Target> targets, Actor by) {
        return approvals.needsSecondApprover(targets, by);
    }

    @Override
    public Approvals.Outcome requestApproval(ProposedChange.Disable change, String version, Actor by,
                                             Optional<String> reason) {
        return approvals.request(change, version, by, reason);
    }

    @Override
    public Approvals.Outcome approve(long request, Actor by, boolean onCall) {
        return approvals.approve(request, by, onCall);
    }

    @Override
    public Approvals.Outcome applyNow(long request, Actor by) {
        return approvals.applyNow(request, by);
    }

    @Override
    public Approvals.Outcome review(long emergency, Actor by, boolean onCall) {
        return approvals.review(emergency, by, onCall);
    }

    @Override
    public Approvals.Outcome emergency(List<Target> targets, Actor by, Optional<String> reason) {
        return approvals.emergency(targets, by, reason);
    }

    @Override
    public Optional<QuestionSettlement> lastConsentAnswer(TaskClassId taskClass) {
        return questions.latestConsent(taskClass).flatMap(ThreadQuestions.Asked::settlement);
    }

    @Override
    public DetourStatus status() {
        return committed.status();
    }

    @Override
    public Optional<IncidentReport> report(IncidentId id) {
        return reports.of(id);
    }

    @Override
    public Optional<java.time.Instant> nextUpdateBy(IncidentId id) {
        return reports.nextUpdateBy(id);
    }

    @Override
    public List<StoredAuditRecord> audit(AuditQuery query) {
        return audit.search(query);
    }

    @Override
    public boolean subscribe(String user, boolean on) {
        return on ? subscriptions.subscribeInSlack(user, clock.instant()) : subscriptions.unsubscribeInSlack(user);
    }

    @Override
    public MaintenanceService.ScheduleOutcome scheduleMaintenance(MaintenancePlan plan, Actor by) {
        return maintenance.schedule(plan, by);
    }

    @Override
    public MaintenanceService.CancelOutcome cancelMaintenance(MaintenanceId id, Actor by) {
        return maintenance.cancel(id, by);
    }

    @Override
    public List<MaintenanceWindow> maintenanceWindows() {
        return maintenance.upcoming();
    }

    @Override
    public MaintenancePolicy maintenancePolicy(MaintenanceWindow window) {
        return maintenance.policy(window);
    }
}
