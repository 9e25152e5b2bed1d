package dev.detour.incidents.application;

import dev.detour.incidents.approval.Approval;
import dev.detour.incidents.approval.ApprovalDecision;
import dev.detour.incidents.approval.SecondApproverRule;
import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.PolicySettings;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.Refusal;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.ports.ApprovalRequests;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.ports.RoutingStore;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.PreviewOutcome;
import dev.detour.incidents.preview.ProposedChange;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The two-person rule (docs/routing.md, "Two-person rule"): a whole-provider switch-off by a person waits for a
 * different on-call member's approval; an emergency apply happens at once and asks for a review. Every request,
 * approval, refused press, expiry, emergency apply and review is audited with the preview's version, and posted or
 * edited in the incident's thread through the outbox ({@link DetourEvent.ApprovalChanged}).
 */
@Singleton
public class Approvals {
    /** Who expires a request nobody approved in time. */
    public static final Actor TIMEOUT = Actor.policy("approval-timeout");

    private final ApprovalRequests requests;
    private final ChangePreviews previews;
    private final AvailabilityService availability;
    private final IncidentService incidents;
    private final RoutingStore store;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final PolicySettings policy;
    private final Clock clock;

    public Approvals(ApprovalRequests requests, ChangePreviews previews, AvailabilityService availability,
                     IncidentService incidents, RoutingStore store, AuditTrail audit, Outbox outbox,
                     DetourConfig config, Clock clock) {
        this.requests = requests;
        this.previews = previews;
        this.availability = availability;
        this.incidents = incidents;
        this.store = store;
        this.audit = audit;
        this.outbox = outbox;
        this.policy = config.policy();
        this.clock = clock;
    }

    /** Whether a switch-off of {@code targets} by {@code by} waits for a second on-call member. */
    public boolean needsSecondApprover(List<Target> targets, Actor by) {
        return new SecondApproverRule(policy).holds(targets, by, () -> previews.preview(
                new ProposedChange.Disable(targets)) instanceof PreviewOutcome.Previewed previewed
                ? Optional.of(previewed.preview()) : Optional.empty());
    }

    /**
     * Asks for approval of the switch-off previewed at {@code version}, in the incident about its targets (opened
     * when none is); when the state moved since, nothing is asked and the preview as it stands comes back.
     */
    @Transactional
    public Outcome request(ProposedChange.Disable change, String version, Actor by, Optional<String> reason) {
        store.lock();
        PreviewOutcome now = previews.preview(change);
        if (now instanceof PreviewOutcome.Refused refused) {
            return new Outcome.Rejected(refused.refusal());
        }
        Preview preview = ((PreviewOutcome.Previewed) now).preview();
        if (!preview.version().equals(version)) {
            return new Outcome.Moved(now, Optional.empty());
        }
        return ask(preview, by, reason);
    }

    private Outcome ask(Preview preview, Actor by, Optional<String> reason) {
        List<Target> targets = ((ProposedChange.Disable) preview.change()).targets();
        IncidentChange opened = incidents.openOrJoin(IncidentKind.OUTAGE, "", targets, by);
        if (opened instanceof IncidentChange.Rejected rejected) {
            return new Outcome.Rejected(rejected.refusal());
        }
        Instant at = clock.instant();
        Approval approval = requests.add(Approval.request(((IncidentChange.Applied) opened).incident().id(),
                targets, reason, by, at, preview.version(), policy.approvalTimeout()));
        audit.append(record(AuditAction.APPROVAL_REQUESTED, by, approval, reason));
        note(approval, TimelineDetail.ApprovalStep.Step.REQUESTED, by, at);
        outbox.enqueue(List.of(new DetourEvent.ApprovalChanged(at, by, approval, Optional.of(preview))));
        return new Outcome.Requested(approval, preview);
    }

    /**
     * A press of Approve: applies exactly the previewed change when {@code by} is on call, is not who asked, the
     * request is open and not expired, and the state still has the preview's version. When the state moved, the
     * request is replaced by a new one with the preview as it stands. Every refusal is audited.
     */
    @Transactional
    public Outcome approve(long id, Actor by, boolean onCall) {
        store.lock();
        Optional<Approval> found = requests.find(id);
        if (found.isEmpty()) {
            return new Outcome.Unknown();
        }
        Approval approval = found.get();
        Instant at = clock.instant();
        ApprovalDecision decision = approval.approve(by, onCall, at, previews.snapshot().version());
        if (decision instanceof ApprovalDecision.Refused refused) {
            audit.append(refusal(by, approval, refused.reason()));
            if (refused.reason() == ApprovalDecision.Reason.EXPIRED) {
                expire(approval);
            } else if (refused.reason() == ApprovalDecision.Reason.STATE_MOVED) {
                return moved(approval, by, at);
            }
            return new Outcome.Refused(approval, refused.reason());
        }
        if (!requests.settle(id, Approval.State.APPROVED, by, at)) {
            return new Outcome.Refused(approval, ApprovalDecision.Reason.SETTLED);
        }
        ProposedChange.Disable change = new ProposedChange.Disable(approval.targets());
        ChangePreviews.Applying applying = previews.apply(new Preview(change, approval.version(), List.of(),
                List.of(), List.of(), List.of(), Optional.empty()), approval.requestedBy(), approval.reason());
        RoutingOutcome outcome = ((ChangePreviews.Applying.Applied) applying).outcome(); // version checked above
        Approval approved = approval.settled(Approval.State.APPROVED, by, at);
        audit.append(record(AuditAction.APPROVAL_GRANTED, by, approved, Optional.empty()));
        note(approved, TimelineDetail.ApprovalStep.Step.APPROVED, by, at);
        outbox.enqueue(List.of(new DetourEvent.ApprovalChanged(at, by, approved, Optional.empty())));
        return new Outcome.Approved(approved, outcome);
    }

    /** The state moved under a request: it is closed, and asked again with the preview as things now stand. */
    private Outcome moved(Approval approval, Actor by, Instant at) {
        if (requests.settle(approval.id(), Approval.State.MOVED, by, at)) {
            outbox.enqueue(List.of(new DetourEvent.ApprovalChanged(at, by,
                    approval.settled(Approval.State.MOVED, by, at), Optional.empty())));
        }
        PreviewOutcome now = previews.preview(new ProposedChange.Disable(approval.targets()));
        if (now instanceof PreviewOutcome.Previewed previewed && !previewed.preview().changesNothing()) {
            Outcome asked = ask(previewed.preview(), approval.requestedBy(), approval.reason());
            if (asked instanceof Outcome.Requested requested) {
                return new Outcome.Moved(now, Optional.of(requested.approval()));
            }
        }
        return new Outcome.Moved(now, Optional.empty());
    }

    /** Expires every open request whose time ran out (the {@code approval-timeouts} job). */
    public int expireDue() {
        int expired = 0;
        for (Approval approval : requests.expiredBy(clock.instant())) {
            if (expireOne(approval.id())) {
                expired++;
            }
        }
        return expired;
    }

    @Transactional
    public boolean expireOne(long id) {
        return requests.find(id).filter(Approval::open).filter(approval -> approval.expired(clock.instant()))
                .map(this::expire).orElse(false);
    }

    private boolean expire(Approval approval) {
        Instant at = clock.instant();
        if (!requests.settle(approval.id(), Approval.State.EXPIRED, TIMEOUT, at)) {
            return false;
        }
        Approval expired = approval.settled(Approval.State.EXPIRED, TIMEOUT, at);
        audit.append(record(AuditAction.APPROVAL_EXPIRED, TIMEOUT, expired, Optional.empty()));
        note(expired, TimelineDetail.ApprovalStep.Step.EXPIRED, TIMEOUT, at);
        outbox.enqueue(List.of(new DetourEvent.ApprovalChanged(at, TIMEOUT, expired, Optional.empty())));
        return true;
    }

    /**
     * {@code --now}: switches the targets off at once on {@code by}'s responsibility, marked as an emergency apply
     * in the audit trail, and asks a second on-call member to review it in the thread.
     */
    @Transactional
    public Outcome emergency(List<Target> targets, Actor by, Optional<String> reason) {
        store.lock();
        ProposedChange.Disable change = new ProposedChange.Disable(targets);
        PreviewOutcome before = previews.preview(change);
        if (before instanceof PreviewOutcome.Refused refused) {
            return new Outcome.Rejected(refused.refusal());
        }
        Preview preview = ((PreviewOutcome.Previewed) before).preview();
        RoutingOutcome outcome = availability.disable(targets, by, reason);
        if (outcome instanceof RoutingOutcome.Rejected rejected) {
            return new Outcome.Rejected(rejected.refusal());
        }
        RoutingOutcome.Applied applied = (RoutingOutcome.Applied) outcome;
        if (applied.incident().isEmpty() || applied.changed().isEmpty()) {
            return new Outcome.Switched(outcome); // nothing was switched: nothing to review
        }
        Instant at = clock.instant();
        Approval approval = requests.add(Approval.emergency(applied.incident().get().id(), targets, reason, by, at,
                preview.version()));
        audit.append(record(AuditAction.CHANGE_EMERGENCY, by, approval, reason));
        note(approval, TimelineDetail.ApprovalStep.Step.EMERGENCY_APPLIED, by, at);
        outbox.enqueue(List.of(new DetourEvent.ApprovalChanged(at, by, approval, Optional.of(preview))));
        return new Outcome.Emergency(approval, outcome);
    }

    /** "Apply now, I take responsibility" on an open request: the request is closed and its change made at once. */
    @Transactional
    public Outcome applyNow(long id, Actor by) {
        store.lock();
        Optional<Approval> found = requests.find(id);
        if (found.isEmpty()) {
            return new Outcome.Unknown();
        }
        Approval approval = found.get();
        Instant at = clock.instant();
        if (!approval.open() || approval.kind() != Approval.Kind.REQUEST
                || !requests.settle(id, Approval.State.APPLIED_NOW, by, at)) {
            return new Outcome.Refused(approval, ApprovalDecision.Reason.SETTLED);
        }
        outbox.enqueue(List.of(new DetourEvent.ApprovalChanged(at, by,
                approval.settled(Approval.State.APPLIED_NOW, by, at), Optional.empty())));
        return emergency(approval.targets(), by, approval.reason());
    }

    /** A press of Review on an emergency apply: by an on-call member who did not apply it; audited either way. */
    @Transactional
    public Outcome review(long id, Actor by, boolean onCall) {
        Optional<Approval> found = requests.find(id);
        if (found.isEmpty()) {
            return new Outcome.Unknown();
        }
        Approval approval = found.get();
        ApprovalDecision decision = approval.review(by, onCall);
        Instant at = clock.instant();
        if (decision instanceof ApprovalDecision.Refused refused) {
            audit.append(refusal(by, approval, refused.reason()));
            return new Outcome.Refused(approval, refused.reason());
        }
        if (!requests.settle(id, Approval.State.REVIEWED, by, at)) {
            return new Outcome.Refused(approval, ApprovalDecision.Reason.SETTLED);
        }
        Approval reviewed = approval.settled(Approval.State.REVIEWED, by, at);
        audit.append(record(AuditAction.CHANGE_REVIEWED, by, reviewed, Optional.empty()));
        note(reviewed, TimelineDetail.ApprovalStep.Step.REVIEWED, by, at);
        outbox.enqueue(List.of(new DetourEvent.ApprovalChanged(at, by, reviewed, Optional.empty())));
        return new Outcome.Reviewed(reviewed);
    }

    @Transactional(readOnly = true)
    public Optional<Approval> find(long id) {
        return requests.find(id);
    }

    /** The step on the incident's timeline (the thread hears of it through its own message). */
    private void note(Approval approval, TimelineDetail.ApprovalStep.Step step, Actor by, Instant at) {
        incidents.note(approval.incident(), new TimelineEntry(at, by,
                new TimelineDetail.ApprovalStep(step, approval.targets())));
    }

    private AuditRecord record(AuditAction action, Actor by, Approval approval, Optional<String> reason) {
        return new AuditRecord(clock.instant(), by, action, AuditSubject.targets(approval.targets()),
                Optional.empty(), Optional.of(approval.version()), reason, Optional.of(approval.incident()));
    }

    private AuditRecord refusal(Actor by, Approval approval, ApprovalDecision.Reason reason) {
        return record(AuditAction.APPROVAL_REFUSED, by, approval, Optional.of(reason.word()));
    }

    /** What a request, a press or an emergency apply came to. */
    public sealed interface Outcome {
        /** Approval was asked for; the preview is posted in the thread. */
        record Requested(Approval approval, Preview preview) implements Outcome {
        }

        /** Approved: the previewed change was applied. */
        record Approved(Approval approval, RoutingOutcome outcome) implements Outcome {
        }

        /** The press did not count, for {@code reason}; nothing changed. */
        record Refused(Approval approval, ApprovalDecision.Reason reason) implements Outcome {
            public Refused {
                Objects.requireNonNull(reason, "reason");
            }
        }

        /** The state moved since the preview: {@code current} is the preview now; {@code replacement} asks again. */
        record Moved(PreviewOutcome current, Optional<Approval> replacement) implements Outcome {
        }

        /** Switched off at once; a second on-call member is asked to review it. */
        record Emergency(Approval approval, RoutingOutcome outcome) implements Outcome {
        }

        /** Nothing was switched by an emergency apply (it was all off already): nothing to review. */
        record Switched(RoutingOutcome outcome) implements Outcome {
        }

        /** Reviewed. */
        record Reviewed(Approval approval) implements Outcome {
        }

        /** The change itself is refused (unknown target, ...), as the command would be. */
        record Rejected(Refusal refusal) implements Outcome {
        }

        /** No such request (a button from another database, say). */
        record Unknown() implements Outcome {
        }
    }
}
