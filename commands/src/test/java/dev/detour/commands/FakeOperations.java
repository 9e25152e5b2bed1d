package dev.detour.commands;

import dev.detour.incidents.application.RoutingOutcome;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.DetectionSettings;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.QuestionSettlement;
import dev.detour.incidents.incident.Refusal;
import dev.detour.incidents.incident.Resolution;
import dev.detour.incidents.application.ChangePreviews;
import dev.detour.incidents.application.Approvals;
import dev.detour.incidents.approval.Approval;
import dev.detour.incidents.approval.ApprovalDecision;
import dev.detour.incidents.catalog.ConfirmPolicy;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.ChangePreview;
import dev.detour.incidents.preview.PreviewOutcome;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.preview.RoutingSnapshot;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.readmodel.IncidentReport;
import dev.detour.incidents.routing.Availability;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.incidents.routing.RoutePlanner;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.catalog.RecoveryMode;
import dev.detour.incidents.catalog.RecoveryPolicy;
import dev.detour.incidents.recovery.Ramp;
import dev.detour.incidents.recovery.RampChange;
import dev.detour.incidents.recovery.RampCommand;
import dev.detour.incidents.recovery.RampRefusal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Detour in memory for command tests: incidents follow the real domain rules ({@link Incident}), routing changes
 * are recorded and applied, and every change is listed in {@link #changes} as "who did what", so a test can say
 * that nothing changed. {@link #failWith} makes the next call throw, as a database going away would.
 */
final class FakeOperations implements Operations {
    static final Instant NOW = Instant.parse("2026-06-07T07:13:00Z");

    final List<String> changes = new ArrayList<>();
    final Map<IncidentId, Incident> incidents = new LinkedHashMap<>();
    final Map<TaskClassId, Optional<RouteOverride>> overrides = new LinkedHashMap<>();
    final List<AuditQuery> auditQueries = new ArrayList<>();
    /** How the newest fallback question about each task class was settled. */
    final Map<TaskClassId, QuestionSettlement> consentAnswers = new LinkedHashMap<>();
    /** Availability and routes as a test sets them; empty: nothing known but the open incidents. */
    Optional<DetourStatus> status = Optional.empty();
    /** Targets that are off already: switching them off again changes nothing. */
    final List<Target> off = new ArrayList<>();
    private final Catalog catalog;
    private RuntimeException failure;

    FakeOperations(Catalog catalog) {
        this.catalog = catalog;
    }

    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    Incident open(String title, Target... targets) {
        IncidentChange change = Incident.open(new IncidentId(incidents.size() + 1), IncidentKind.OUTAGE, title,
                List.of(targets), Actor.user("U0SETUP"), NOW);
        Incident incident = ((IncidentChange.Applied) change).incident();
        incidents.put(incident.id(), incident);
        return incident;
    }

    private void maybeFail() {
        if (failure != null) {
            RuntimeException thrown = failure;
            failure = null;
            throw thrown;
        }
    }

    private IncidentChange change(IncidentId id, String what, Actor by, Function<Incident, IncidentChange> how) {
        maybeFail();
        Incident incident = incidents.get(id);
        if (incident == null) {
            return new IncidentChange.Rejected(new Refusal.NoSuchIncident(id));
        }
        IncidentChange change = how.apply(incident);
        if (change instanceof IncidentChange.Applied applied) {
            incidents.put(id, applied.incident());
            changes.add(by.id() + " " + what + " " + id);
        }
        return change;
    }

    @Override
    public Optional<Incident> openIncidentAbout(List<Target> targets) {
        maybeFail();
        return incidents.values().stream().filter(Incident::isOpen)
                .filter(incident -> targets.stream().anyMatch(t -> incident.covers(t, catalog))).findFirst();
    }

    @Override
    public IncidentChange openOrJoin(IncidentKind kind, String title, List<Target> targets, Actor by) {
        maybeFail();
        Optional<Incident> about = openIncidentAbout(targets);
        if (about.isPresent()) {
            return change(about.get().id(), "widened", by, incident -> incident.affect(targets, by, NOW));
        }
        IncidentChange change = Incident.open(new IncidentId(incidents.size() + 1), kind, title, targets, by, NOW);
        if (change instanceof IncidentChange.Applied applied) {
            incidents.put(applied.incident().id(), applied.incident());
            changes.add(by.id() + " opened " + applied.incident().id() + " " + kind.word() + ": " + title);
        }
        return change;
    }

    @Override
    public IncidentChange acknowledge(IncidentId id, Actor by) {
        return change(id, "acknowledged", by, incident -> incident.acknowledge(by, NOW));
    }

    @Override
    public IncidentChange changeState(IncidentId id, IncidentState next, Actor by) {
        return change(id, "moved to " + next.word(), by, incident -> incident.moveTo(next, by, NOW));
    }

    @Override
    public IncidentChange retitle(IncidentId id, String title, Actor by) {
        return change(id, "titled", by, incident -> incident.retitle(title, by, NOW));
    }

    @Override
    public IncidentChange setKind(IncidentId id, IncidentKind kind, Actor by) {
        return change(id, "set kind " + kind.word() + " of", by, incident -> incident.setKind(kind, by, NOW));
    }

    @Override
    public IncidentChange resolve(IncidentId id, Actor by, Resolution resolution) {
        return change(id, "resolved", by, incident -> incident.resolve(by, NOW, resolution));
    }

    @Override
    public IncidentChange reopen(IncidentId id, Actor by, String reason) {
        maybeFail();
        Incident previous = incidents.get(id);
        if (previous == null) {
            return new IncidentChange.Rejected(new Refusal.NoSuchIncident(id));
        }
        IncidentChange change = previous.reopen(new IncidentId(incidents.size() + 1), by, NOW, reason);
        if (change instanceof IncidentChange.Applied applied) {
            incidents.put(applied.incident().id(), applied.incident());
            changes.add(by.id() + " reopened " + id + " as " + applied.incident().id());
        }
        return change;
    }

    @Override
    public IncidentChange postUpdate(IncidentId id, UpdateText text, Actor by) {
        return change(id, "updated", by, incident -> incident.postUpdate(text, by, NOW));
    }

    @Override
    public RoutingOutcome disable(List<Target> targets, Actor by, Optional<String> reason) {
        maybeFail();
        if (off.containsAll(targets)) {
            return new RoutingOutcome.Applied(Optional.empty(), List.of(), targets, List.of());
        }
        changes.add(by.id() + " disabled " + targets.stream().map(Target::id).toList() + " "
                + reason.orElse(""));
        return new RoutingOutcome.Applied(Optional.empty(), targets, List.of(), List.of());
    }

    @Override
    public RoutingOutcome enable(List<Target> targets, Actor by, Optional<String> reason, boolean atOnce) {
        maybeFail();
        changes.add(by.id() + " enabled " + targets.stream().map(Target::id).toList() + (atOnce ? " at once " : " ")
                + reason.orElse(""));
        List<Target> ramping = targets.stream().filter(staged::contains).filter(target -> !atOnce).toList();
        List<Target> changed = targets.stream().filter(target -> !ramping.contains(target)).toList();
        ramping.forEach(target -> ramps.put(target, Ramp.start(target, STAGED, NOW).ramp()));
        return new RoutingOutcome.Applied(Optional.empty(), changed, List.of(), List.of(), ramping);
    }

    /** Targets whose recovery is staged: enabling them starts a ramp (steps 10, 50, 100, 5 minutes each). */
    final java.util.Set<Target> staged = new java.util.HashSet<>();
    final Map<Target, Ramp> ramps = new java.util.HashMap<>();
    static final RecoveryPolicy STAGED = new RecoveryPolicy(RecoveryMode.STAGED, List.of(10, 50, 100),
            java.time.Duration.ofMinutes(5), 20);

    @Override
    public RampChange ramp(Target target, RampCommand command, Actor by, Optional<String> reason) {
        maybeFail();
        Ramp ramp = ramps.get(target);
        if (ramp == null || !ramp.state().active() && command.changes()) {
            return new RampChange.Refused(new RampRefusal.NoRamp(target));
        }
        RampChange change = command.applyTo(ramp, NOW);
        if (change instanceof RampChange.Moved moved) {
            ramps.put(target, moved.ramp());
            changes.add(by.id() + " ramp " + command.word() + " " + target.id() + " " + reason.orElse(""));
        }
        return change;
    }

    @Override
    public RoutingOutcome override(TaskClassId taskClass, Optional<RouteOverride> override, Actor by) {
        maybeFail();
        if (overrides.getOrDefault(taskClass, Optional.empty()).equals(override)) {
            return new RoutingOutcome.Rejected(new Refusal.AlreadyOverridden(taskClass, override));
        }
        overrides.put(taskClass, override);
        changes.add(by.id() + " routed " + taskClass + " " + override.map(RouteOverride::describe).orElse("auto"));
        return new RoutingOutcome.Applied(Optional.empty(), List.of(), List.of(), List.of());
    }

    @Override
    public RoutingOutcome answerConsent(TaskClassId taskClass, ConsentAnswer answer, Actor by) {
        maybeFail();
        Optional<DetourStatus.TaskClassStatus> known = status.flatMap(now -> now.taskClasses().stream()
                .filter(t -> t.id().equals(taskClass)).findFirst());
        if (known.isPresent() && known.get().current().state() != RouteState.AWAITING_CONSENT) {
            return new RoutingOutcome.Rejected(new Refusal.NoOpenQuestion(taskClass,
                    Optional.of(known.get().current().state())));
        }
        changes.add(by.id() + " answered " + answer.word() + " for " + taskClass);
        return new RoutingOutcome.Applied(Optional.empty(), List.of(), List.of(), List.of());
    }

    /** The previews asked for, in order: a preview changes nothing, so {@link #changes} does not list them. */
    final List<ProposedChange> previews = new ArrayList<>();

    /** Previews over everything available, with the fake's overrides and no evidence. */
    @Override
    public PreviewOutcome preview(ProposedChange change) {
        maybeFail();
        previews.add(change);
        Map<TaskClassId, RouteOverride> set = new LinkedHashMap<>();
        overrides.forEach((taskClass, override) -> override.ifPresent(value -> set.put(taskClass, value)));
        RoutingSnapshot state = new RoutingSnapshot(Availability.allAvailable(), set, Map.of(),
                new RoutePlanner().planAll(catalog, Availability.allAvailable(), set, Map.of()));
        return new ChangePreview(catalog, DetectionSettings.DEFAULTS).preview(change, state, Map.of());
    }

    /** When a switch-off asks first; {@code never} unless a test says otherwise. */
    ConfirmPolicy confirmPolicy = ConfirmPolicy.NEVER;

    @Override
    public ConfirmPolicy confirmPolicy() {
        return confirmPolicy;
    }

    /** Applies while the fake's state has the version; its overrides are what moves it. */
    @Override
    public ChangePreviews.Applying confirm(ProposedChange.Disable change, String version, Actor by,
                                           Optional<String> reason,
                                           Optional<dev.detour.incidents.incident.TimelineDetail.ScopeChosen> scope) {
        scopes.add(scope);
        return confirm(change, version, by, reason);
    }

    /** The scopes confirmations said were chosen, in order. */
    final List<Optional<dev.detour.incidents.incident.TimelineDetail.ScopeChosen>> scopes = new ArrayList<>();

    @Override
    public ChangePreviews.Applying confirm(ProposedChange.Disable change, String version, Actor by,
                                           Optional<String> reason) {
        PreviewOutcome now = preview(change);
        previews.remove(previews.size() - 1);
        if (now instanceof PreviewOutcome.Previewed previewed && !previewed.preview().version().equals(version)) {
            return new ChangePreviews.Applying.StateMoved(now);
        }
        return new ChangePreviews.Applying.Applied(disable(change.targets(), by, reason));
    }

    /** Whether a whole-provider switch-off waits for a second on-call member; not unless a test says so. */
    boolean secondApprover = false;
    /** The requests for approval and emergency applies, by number. */
    final Map<Long, Approval> approvals = new LinkedHashMap<>();
    /** The time the fake's requests are made and pressed at. */
    Instant approvalNow = NOW;

    @Override
    public boolean needsSecondApprover(List<Target> targets, Actor by) {
        return secondApprover && by.kind() == Actor.Kind.USER
                && targets.stream().anyMatch(target -> target.fold(provider -> true, model -> false));
    }

    private String version(ProposedChange change) {
        PreviewOutcome now = preview(change);
        previews.remove(previews.size() - 1);
        return ((PreviewOutcome.Previewed) now).preview().version();
    }

    @Override
    public Approvals.Outcome requestApproval(ProposedChange.Disable change, String version, Actor by,
                                             Optional<String> reason) {
        PreviewOutcome now = preview(change);
        previews.remove(previews.size() - 1);
        Preview preview = ((PreviewOutcome.Previewed) now).preview();
        if (!preview.version().equals(version)) {
            return new Approvals.Outcome.Moved(now, Optional.empty());
        }
        Approval approval = Approval.request(new IncidentId(1), change.targets(), reason, by, approvalNow, version,
                Duration.ofMinutes(10)).withId(approvals.size() + 1);
        approvals.put(approval.id(), approval);
        changes.add(by.id() + " asked for approval of " + change.targets().stream().map(Target::id).toList());
        return new Approvals.Outcome.Requested(approval, preview);
    }

    @Override
    public Approvals.Outcome approve(long request, Actor by, boolean onCall) {
        Approval approval = approvals.get(request);
        if (approval == null) {
            return new Approvals.Outcome.Unknown();
        }
        ApprovalDecision decision = approval.approve(by, onCall, approvalNow,
                version(new ProposedChange.Disable(approval.targets())));
        if (decision instanceof ApprovalDecision.Refused refused) {
            changes.add(by.id() + " was refused: " + refused.reason().word());
            return new Approvals.Outcome.Refused(approval, refused.reason());
        }
        Approval approved = approval.settled(Approval.State.APPROVED, by, approvalNow);
        approvals.put(request, approved);
        changes.add(by.id() + " approved " + request);
        return new Approvals.Outcome.Approved(approved, disable(approval.targets(), approval.requestedBy(),
                approval.reason()));
    }

    @Override
    public Approvals.Outcome applyNow(long request, Actor by) {
        Approval approval = approvals.get(request);
        if (approval == null || !approval.open()) {
            return new Approvals.Outcome.Unknown();
        }
        approvals.put(request, approval.settled(Approval.State.APPLIED_NOW, by, approvalNow));
        return emergency(approval.targets(), by, approval.reason());
    }

    @Override
    public Approvals.Outcome review(long emergency, Actor by, boolean onCall) {
        Approval approval = approvals.get(emergency);
        if (approval == null) {
            return new Approvals.Outcome.Unknown();
        }
        ApprovalDecision decision = approval.review(by, onCall);
        if (decision instanceof ApprovalDecision.Refused refused) {
            changes.add(by.id() + " was refused: " + refused.reason().word());
            return new Approvals.Outcome.Refused(approval, refused.reason());
        }
        Approval reviewed = approval.settled(Approval.State.REVIEWED, by, approvalNow);
        approvals.put(emergency, reviewed);
        changes.add(by.id() + " reviewed " + emergency);
        return new Approvals.Outcome.Reviewed(reviewed);
    }

    @Override
    public Approvals.Outcome emergency(List<Target> targets, Actor by, Optional<String> reason) {
        String version = version(new ProposedChange.Disable(targets));
        RoutingOutcome outcome = disable(targets, by, reason);
        Approval approval = Approval.emergency(new IncidentId(1), targets, reason, by, approvalNow, version)
                .withId(approvals.size() + 1);
        approvals.put(approval.id(), approval);
        changes.add(by.id() + " applied at once " + approval.id());
        return new Approvals.Outcome.Emergency(approval, outcome);
    }

    @Override
    public Optional<QuestionSettlement> lastConsentAnswer(TaskClassId taskClass) {
        return Optional.ofNullable(consentAnswers.get(taskClass));
    }

    @Override
    public DetourStatus status() {
        maybeFail();
        if (statusNow.isPresent()) {
            return statusNow.get();
        }
        return status.map(now -> new DetourStatus(now.at(), now.providers(), now.models(), now.taskClasses(),
                        incidents.values().stream().filter(Incident::isOpen).toList()))
                .orElseGet(() -> new DetourStatus(NOW, List.of(), List.of(), List.of(),
                        incidents.values().stream().filter(Incident::isOpen).toList()));
    }

    /** What {@link #status()} answers, when a test sets it. */
    Optional<DetourStatus> statusNow = Optional.empty();

    @Override
    public Optional<IncidentReport> report(IncidentId id) {
        maybeFail();
        return Optional.ofNullable(incidents.get(id)).map(incident -> new IncidentReport(incident, List.of(),
                List.of(), NOW));
    }

    /** The audit trail, newest first, as the database would page it. */
    final List<StoredAuditRecord> auditTrail = new ArrayList<>();

    @Override
    public List<StoredAuditRecord> audit(AuditQuery query) {
        maybeFail();
        auditQueries.add(query);
        return auditTrail.stream()
                .filter(stored -> query.receipts() || !stored.record().actor().equals(AuditQuery.RECEIPTS))
                .skip(query.offset()).limit(query.limit()).toList();
    }

    /** Who asked for DMs of customer updates. */
    final java.util.Set<String> subscribers = new java.util.TreeSet<>();

    @Override
    public boolean subscribe(String user, boolean on) {
        maybeFail();
        return on ? subscribers.add(user) : subscribers.remove(user);
    }

    /** Maintenance windows planned by hand, as the use case would keep them. */
    final List<dev.detour.incidents.maintenance.MaintenanceWindow> maintenance = new ArrayList<>();

    @Override
    public dev.detour.incidents.application.MaintenanceService.ScheduleOutcome scheduleMaintenance(
            dev.detour.incidents.maintenance.MaintenancePlan plan, Actor by) {
        maybeFail();
        Optional<dev.detour.incidents.maintenance.MaintenancePlan.Problem> problem = plan.problem(NOW);
        if (problem.isPresent()) {
            return new dev.detour.incidents.application.MaintenanceService.ScheduleOutcome.Refused(problem.get());
        }
        var window = dev.detour.incidents.maintenance.MaintenanceWindow.recorded(
                new dev.detour.incidents.maintenance.MaintenanceId("M-3f9a1c"),
                new dev.detour.incidents.maintenance.MaintenanceSource.ByHand(by), plan.reason().orElse(""),
                plan.targets(), plan.startsAt(), plan.endsAt(),
                dev.detour.incidents.maintenance.MaintenanceStatus.SCHEDULED, NOW);
        maintenance.add(window);
        changes.add("maintenance " + window.id());
        return new dev.detour.incidents.application.MaintenanceService.ScheduleOutcome.Scheduled(window);
    }

    @Override
    public dev.detour.incidents.application.MaintenanceService.CancelOutcome cancelMaintenance(
            dev.detour.incidents.maintenance.MaintenanceId id, Actor by) {
        maybeFail();
        for (int i = 0; i < maintenance.size(); i++) {
            if (maintenance.get(i).id().equals(id)) {
                var cancelled = maintenance.get(i).cancelled();
                if (cancelled.isEmpty()) {
                    return new dev.detour.incidents.application.MaintenanceService.CancelOutcome.AlreadyOver(
                            maintenance.get(i));
                }
                maintenance.set(i, cancelled.get());
                changes.add("cancel " + id);
                return new dev.detour.incidents.application.MaintenanceService.CancelOutcome.Cancelled(
                        cancelled.get());
            }
        }
        return new dev.detour.incidents.application.MaintenanceService.CancelOutcome.NotFound(id);
    }

    @Override
    public List<dev.detour.incidents.maintenance.MaintenanceWindow> maintenanceWindows() {
        return maintenance.stream().filter(window -> window.status()
                == dev.detour.incidents.maintenance.MaintenanceStatus.SCHEDULED).toList();
    }

    @Override
    public dev.detour.incidents.catalog.MaintenancePolicy maintenancePolicy(
            dev.detour.incidents.maintenance.MaintenanceWindow window) {
        return dev.detour.incidents.catalog.MaintenancePolicy.ANNOUNCE;
    }
}
