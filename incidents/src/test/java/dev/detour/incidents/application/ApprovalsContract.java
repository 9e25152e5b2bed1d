package dev.detour.incidents.application;

import dev.detour.incidents.approval.Approval;
import dev.detour.incidents.approval.ApprovalDecision;
import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.ports.ApprovalRequests;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.PreviewOutcome;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPENAI;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static dev.detour.incidents.SeedCatalog.SONNET_46;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two-person rule on each database (docs/routing.md, "Two-person rule"): a request stores and audits without
 * changing anything; only a different on-call member's approval applies it, and only as previewed; refusals,
 * expiry, a moved state, an emergency apply and its review are audited with the preview's version.
 */
abstract class ApprovalsContract implements TestPropertyProvider {
    private static final Actor ALICE = Actor.user("U0ALICE");
    private static final Actor BOB = Actor.user("U0BOB");
    private static final Actor MALLORY = Actor.user("U0MALLORY");
    private static final Target WHOLE_ANTHROPIC = Target.provider(ANTHROPIC);

    @Inject Approvals approvals;
    @Inject ApprovalRequests requests;
    @Inject ChangePreviews previews;
    @Inject AvailabilityService availability;
    @Inject IncidentService incidents;
    @Inject StatusService status;
    @Inject AuditTrail audit;
    @Inject MovableClock clock;

    protected abstract Map<String, Object> database();

    @Override
    public Map<String, String> getProperties() {
        return SeedConfigFactory.properties(database());
    }

    @BeforeEach
    void everythingAvailable() {
        availability.set(List.of(WHOLE_ANTHROPIC, Target.provider(OPENAI), Target.model(OPUS_48),
                Target.model(OPUS_47), Target.model(SONNET_46), Target.model(GPT_5)), true, Actor.system("test"),
                Optional.empty(), Optional.empty());
        clock.advance(Duration.ofMinutes(10));
    }

    @AfterEach
    void resolveWhatTheTestLeftOpen() {
        incidents.openIncidents().forEach(incident -> incidents.resolve(incident.id(), ALICE, "test over"));
    }

    private Approval requested(Actor by) {
        Preview preview = ((PreviewOutcome.Previewed) previews.preview(
                new ProposedChange.Disable(List.of(WHOLE_ANTHROPIC)))).preview();
        Approvals.Outcome outcome = approvals.request((ProposedChange.Disable) preview.change(), preview.version(),
                by, Optional.of("529s"));
        return assertInstanceOf(Approvals.Outcome.Requested.class, outcome).approval();
    }

    private boolean anthropicAvailable() {
        return status.current().providers().stream().filter(p -> p.id().equals(ANTHROPIC)).findFirst()
                .orElseThrow().available();
    }

    private List<StoredAuditRecord> records(AuditAction action) {
        return audit.search(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                0, AuditQuery.MAX_LIMIT, AuditQuery.Order.NEWEST_FIRST)).stream()
                .filter(stored -> stored.record().action().equals(action)).toList();
    }

    private List<TimelineDetail.ApprovalStep.Step> steps(Approval approval) {
        return incidents.timeline(approval.incident()).stream().map(TimelineEntry::detail)
                .filter(TimelineDetail.ApprovalStep.class::isInstance)
                .map(detail -> ((TimelineDetail.ApprovalStep) detail).step()).toList();
    }

    @Test
    void aRequestIsStoredAndAuditedAndChangesNothing() {
        int before = records(AuditAction.APPROVAL_REQUESTED).size();

        Approval approval = requested(ALICE);

        assertTrue(anthropicAvailable(), "nothing is applied before a second person approves");
        Approval stored = requests.find(approval.id()).orElseThrow();
        assertEquals(Approval.State.OPEN, stored.state());
        assertEquals(ALICE, stored.requestedBy());
        assertEquals(List.of(WHOLE_ANTHROPIC), stored.targets());
        assertEquals(stored.requestedAt().plus(Duration.ofMinutes(10)), stored.expiresAt());
        assertEquals(Optional.of("529s"), stored.reason());
        List<StoredAuditRecord> audited = records(AuditAction.APPROVAL_REQUESTED);
        assertEquals(before + 1, audited.size());
        assertEquals(Optional.of(approval.version()), audited.get(0).record().after());
        assertEquals(Optional.of(approval.incident()), audited.get(0).record().incident(), "an incident is opened");
    }

    @Test
    void aDifferentOnCallMembersApprovalAppliesThePreviewedChange() {
        Approval approval = requested(ALICE);
        clock.advance(Duration.ofMinutes(3));

        Approvals.Outcome outcome = approvals.approve(approval.id(), BOB, true);

        Approval approved = assertInstanceOf(Approvals.Outcome.Approved.class, outcome).approval();
        assertFalse(anthropicAvailable());
        assertEquals(Optional.of(BOB), approved.settledBy());
        assertEquals(Optional.of(Duration.ofMinutes(3)), approved.took());
        assertEquals(Approval.State.APPROVED, requests.find(approval.id()).orElseThrow().state());
        StoredAuditRecord granted = records(AuditAction.APPROVAL_GRANTED).get(0);
        assertEquals(BOB, granted.record().actor());
        assertEquals(Optional.of(approval.version()), granted.record().after());
        assertInstanceOf(Approvals.Outcome.Refused.class, approvals.approve(approval.id(), MALLORY, true),
                "approved once only");
        assertEquals(List.of(TimelineDetail.ApprovalStep.Step.REQUESTED, TimelineDetail.ApprovalStep.Step.APPROVED),
                steps(approval), "on the incident's timeline");
    }

    @Test
    void approvingOnesOwnRequestIsRefusedAndAudited() {
        Approval approval = requested(ALICE);

        Approvals.Outcome outcome = approvals.approve(approval.id(), ALICE, true);

        assertEquals(ApprovalDecision.Reason.SELF,
                assertInstanceOf(Approvals.Outcome.Refused.class, outcome).reason());
        assertTrue(anthropicAvailable());
        assertEquals(Optional.of("self"), records(AuditAction.APPROVAL_REFUSED).get(0).record().reason());
        assertEquals(Approval.State.OPEN, requests.find(approval.id()).orElseThrow().state());
    }

    @Test
    void approvalBySomeoneNotOnCallIsRefusedAndTheAttemptAudited() {
        Approval approval = requested(ALICE);

        Approvals.Outcome outcome = approvals.approve(approval.id(), MALLORY, false);

        assertEquals(ApprovalDecision.Reason.NOT_ON_CALL,
                assertInstanceOf(Approvals.Outcome.Refused.class, outcome).reason());
        StoredAuditRecord attempt = records(AuditAction.APPROVAL_REFUSED).get(0);
        assertEquals(MALLORY, attempt.record().actor());
        assertEquals(Optional.of("not-on-call"), attempt.record().reason());
        assertTrue(anthropicAvailable());
    }

    @Test
    void aRequestNobodyApprovesExpiresAndCannotBeApprovedAfterwards() {
        Approval approval = requested(ALICE);
        clock.advance(Duration.ofMinutes(9));
        approvals.expireDue();
        assertEquals(Approval.State.OPEN, requests.find(approval.id()).orElseThrow().state(), "not yet");

        clock.advance(Duration.ofMinutes(1));
        approvals.expireDue();

        assertEquals(Approval.State.EXPIRED, requests.find(approval.id()).orElseThrow().state());
        assertEquals(Approvals.TIMEOUT, records(AuditAction.APPROVAL_EXPIRED).get(0).record().actor());
        assertInstanceOf(Approvals.Outcome.Refused.class, approvals.approve(approval.id(), BOB, true));
        assertTrue(anthropicAvailable(), "nothing changed");
    }

    @Test
    void approvingAfterTheStateMovedAppliesNothingAndAsksAgainWithTheNewPreview() {
        Approval approval = requested(ALICE);
        availability.disable(List.of(Target.model(GPT_5)), BOB, Optional.empty());

        Approvals.Outcome outcome = approvals.approve(approval.id(), BOB, true);

        Approvals.Outcome.Moved moved = assertInstanceOf(Approvals.Outcome.Moved.class, outcome);
        assertTrue(anthropicAvailable(), "a stale change is never applied");
        assertEquals(Approval.State.MOVED, requests.find(approval.id()).orElseThrow().state());
        Approval replacement = moved.replacement().orElseThrow();
        assertNotEquals(approval.version(), replacement.version());
        assertEquals(ALICE, replacement.requestedBy(), "still Alice's request");
        assertEquals(Optional.of("state-moved"), records(AuditAction.APPROVAL_REFUSED).get(0).record().reason());
        assertInstanceOf(Approvals.Outcome.Approved.class, approvals.approve(replacement.id(), BOB, true));
        assertFalse(anthropicAvailable());
    }

    @Test
    void anEmergencyApplyHappensAtOnceAndIsReviewedBySomeoneElse() {
        Approvals.Outcome outcome = approvals.emergency(List.of(WHOLE_ANTHROPIC), ALICE, Optional.of("on fire"));

        Approval emergency = assertInstanceOf(Approvals.Outcome.Emergency.class, outcome).approval();
        assertFalse(anthropicAvailable());
        assertEquals(Approval.Kind.EMERGENCY, emergency.kind());
        assertEquals(ALICE, records(AuditAction.CHANGE_EMERGENCY).get(0).record().actor());
        assertEquals(ApprovalDecision.Reason.SELF, assertInstanceOf(Approvals.Outcome.Refused.class,
                approvals.review(emergency.id(), ALICE, true)).reason());

        Approval reviewed = assertInstanceOf(Approvals.Outcome.Reviewed.class,
                approvals.review(emergency.id(), BOB, true)).approval();

        assertEquals(Optional.of(BOB), reviewed.settledBy());
        assertEquals(BOB, records(AuditAction.CHANGE_REVIEWED).get(0).record().actor());
        assertEquals(List.of(Approval.State.REVIEWED), requests.ofIncident(emergency.incident()).stream()
                .map(Approval::state).toList());
        assertEquals(List.of(TimelineDetail.ApprovalStep.Step.EMERGENCY_APPLIED,
                TimelineDetail.ApprovalStep.Step.REVIEWED), steps(emergency));
    }

    @Test
    void applyNowClosesTheRequestAndMakesTheChangeAsAnEmergency() {
        Approval approval = requested(ALICE);

        Approvals.Outcome outcome = approvals.applyNow(approval.id(), ALICE);

        assertInstanceOf(Approvals.Outcome.Emergency.class, outcome);
        assertFalse(anthropicAvailable());
        assertEquals(Approval.State.APPLIED_NOW, requests.find(approval.id()).orElseThrow().state());
    }
}
