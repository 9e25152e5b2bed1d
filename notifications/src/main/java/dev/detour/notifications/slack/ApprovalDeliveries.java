package dev.detour.notifications.slack;

import dev.detour.incidents.approval.Approval;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.outbox.OutboxEntry;
import dev.detour.incidents.ports.ApprovalRequests;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Delivers approval rows for {@link SlackDispatcher}: posts a request (or emergency apply) in the thread and
 * remembers where; edits that message once it is settled.
 */
@Singleton
public class ApprovalDeliveries {
    /** A settled request whose own post is not delivered yet waits this long before it is tried again. */
    private static final Duration NOT_POSTED_YET = Duration.ofSeconds(2);

    private final ApprovalRequests approvals;

    public ApprovalDeliveries(ApprovalRequests approvals) {
        this.approvals = approvals;
    }

    SendResult post(OutboxEntry row, String channel, Optional<String> threadTs, SlackSender slack, PostMark mark) {
        return slack.post(channel, threadTs, ApprovalPost.fromJson(row.payload()).message(), mark);
    }

    void posted(OutboxEntry row, String channel, String ts) {
        if (!ts.isEmpty()) {
            approvals.posted(ApprovalPost.fromJson(row.payload()).approval(), channel, ts);
        }
    }

    /** The incident's requests and emergency applies, for its root message. */
    List<Approval> ofIncident(IncidentId incident) {
        return approvals.ofIncident(incident);
    }

    SendResult settle(OutboxEntry row, SlackSender slack) {
        ApprovalPost post = ApprovalPost.fromJson(row.payload());
        Optional<ApprovalRequests.Message> message = approvals.message(post.approval());
        if (message.isEmpty()) {
            return new SendResult.Retry(Optional.of(NOT_POSTED_YET), "the request's own message is not posted yet");
        }
        return slack.update(message.get().channel(), message.get().ts(), post.message());
    }
}
