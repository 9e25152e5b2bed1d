package dev.detour.commands;

import dev.detour.incidents.application.Approvals;
import dev.detour.incidents.application.ChangePreviews;
import dev.detour.incidents.application.MaintenanceService;
import dev.detour.incidents.application.RoutingOutcome;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.catalog.ConfirmPolicy;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.MaintenancePolicy;
import dev.detour.incidents.catalog.Target;
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
import dev.detour.incidents.incident.Resolution;
import dev.detour.incidents.maintenance.MaintenanceId;
import dev.detour.incidents.maintenance.MaintenancePlan;
import dev.detour.incidents.maintenance.MaintenanceWindow;
import dev.detour.incidents.preview.PreviewOutcome;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.readmodel.IncidentReport;
import dev.detour.incidents.routing.RouteOverride;

import java.util.List;
import java.util.Optional;

/**
 * Everything a command may do to Detour or read from it: the port {@link CommandHandler} works through, so that
 * its tests use a fake ({@link ServiceOperations} is the real one, over the incidents services). Each change
 * commits on its own, with its timeline, audit and outbox rows; a refusal is a value.
 */
public interface Operations {

    Optional<Incident> openIncidentAbout(List<Target> targets);

    /** Opens an incident, or widens the open one about the same provider. */
    IncidentChange openOrJoin(IncidentKind kind, String title, List<Target> targets, Actor by);

    IncidentChange acknowledge(IncidentId id, Actor by);

    IncidentChange changeState(IncidentId id, IncidentState next, Actor by);

    /** Names the incident: the title wins over the one messages make from its scope. */
    IncidentChange retitle(IncidentId id, String title, Actor by);

    /** Sets the incident's kind: it stays as set. */
    IncidentChange setKind(IncidentId id, IncidentKind kind, Actor by);

    IncidentChange resolve(IncidentId id, Actor by, Resolution resolution);

    /** A resolved incident flares up again: a new incident linked to it. */
    IncidentChange reopen(IncidentId id, Actor by, String reason);

    IncidentChange postUpdate(IncidentId id, UpdateText text, Actor by);

    RoutingOutcome disable(List<Target> targets, Actor by, Optional<String> reason);

    /** Enables targets through their recovery: a staged target starts a ramp (docs/recovery.md). */
    default RoutingOutcome enable(List<Target> targets, Actor by, Optional<String> reason) {
        return enable(targets, by, reason, false);
    }

    /** @param atOnce switch staged targets on at once, skipping their ramp ({@code enable --at-once}) */
    RoutingOutcome enable(List<Target> targets, Actor by, Optional<String> reason, boolean atOnce);

    /** {@code /detour ramp <target> <command>} or a ramp's button; a target without a ramp is refused. */
    RampChange ramp(Target target, RampCommand command, Actor by, Optional<String> reason);

    /** @param override empty releases the task class's override */
    RoutingOutcome override(TaskClassId taskClass, Optional<RouteOverride> override, Actor by);

    RoutingOutcome answerConsent(TaskClassId taskClass, ConsentAnswer answer, Actor by);

    /** What {@code change} would do now, without doing it (or the refusal the change itself would give). */
    PreviewOutcome preview(ProposedChange change);

    /** When a switch-off asks Confirm first ({@code detour.policy.confirm}). */
    ConfirmPolicy confirmPolicy();

    /**
     * Makes the previewed switch-off while the state still has {@code version}; otherwise changes nothing and
     * returns the preview as it stands now.
     */
    ChangePreviews.Applying confirm(ProposedChange.Disable change, String version, Actor by, Optional<String> reason);

    /**
     * As {@link #confirm(ProposedChange.Disable, String, Actor, Optional)}, and, when it is made, records on the
     * incident's timeline which scope was chosen and whether a narrower one was offered.
     */
    default ChangePreviews.Applying confirm(ProposedChange.Disable change, String version, Actor by,
                                            Optional<String> reason,
                                            Optional<dev.detour.incidents.incident.TimelineDetail.ScopeChosen> scope) {
        return confirm(change, version, by, reason);
    }

    /**
     * Whether a switch-off of {@code targets} by {@code by} waits for a second on-call member
     * ({@code detour.policy.second-approver}).
     */
    default boolean needsSecondApprover(List<Target> targets, Actor by) {
        return false;
    }

    /** Asks a second on-call member to approve the switch-off previewed at {@code version}. */
    Approvals.Outcome requestApproval(ProposedChange.Disable change, String version, Actor by, Optional<String> reason);

    /** A press of Approve; {@code onCall} whether the person is on call. */
    Approvals.Outcome approve(long request, Actor by, boolean onCall);

    /** "Apply now, I take responsibility" on a request. */
    Approvals.Outcome applyNow(long request, Actor by);

    /** A press of Review on an emergency apply. */
    Approvals.Outcome review(long emergency, Actor by, boolean onCall);

    /** {@code disable --now}: switched off at once, as an emergency apply that asks for a review. */
    Approvals.Outcome emergency(List<Target> targets, Actor by, Optional<String> reason);

    /** How the newest fallback question about the task class was settled, if it was. */
    Optional<QuestionSettlement> lastConsentAnswer(TaskClassId taskClass);

    /** What is committed now: availability, routes, open incidents. */
    DetourStatus status();

    Optional<IncidentReport> report(IncidentId id);

    /** When support was last promised its next post about the incident; empty when it was not (or no support). */
    default Optional<java.time.Instant> nextUpdateBy(IncidentId id) {
        return Optional.empty();
    }

    List<StoredAuditRecord> audit(AuditQuery query);

    /**
     * Starts ({@code on}) or stops the Slack DMs of customer updates for a person.
     *
     * @return whether that changed anything
     */
    boolean subscribe(String user, boolean on);

    /** Records a maintenance window planned by hand, or refuses it with the problem named (nothing changes). */
    MaintenanceService.ScheduleOutcome scheduleMaintenance(MaintenancePlan plan, Actor by);

    /** Calls a maintenance window off (a pre-routed one that runs brings its targets back on the next check). */
    MaintenanceService.CancelOutcome cancelMaintenance(MaintenanceId id, Actor by);

    /** Maintenance windows planned or under way, by start. */
    List<MaintenanceWindow> maintenanceWindows();

    /** Whether a window's targets are switched off while it runs (docs/maintenance.md). */
    MaintenancePolicy maintenancePolicy(MaintenanceWindow window);
}
