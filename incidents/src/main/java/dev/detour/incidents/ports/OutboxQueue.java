package dev.detour.incidents.ports;

import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.outbox.OutboxEntry;
import dev.detour.incidents.outbox.OutboxKind;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The dispatchers' side of the outbox: what is due, and how each delivery ended, with its audit record. */
public interface OutboxQueue {
    /** @param topicPrefix e.g. {@code slack.}: each dispatcher takes only the deliveries it knows how to make */
    List<OutboxEntry> due(String topicPrefix, int limit);

    /**
     * Runs {@code delivery} on the entry while this transaction holds its row lock ({@code FOR UPDATE SKIP LOCKED}),
     * so that of several replicas exactly one delivers it, and settles it ({@link #sent}, {@link #retry},
     * {@link #failed} join this transaction). Skipped, returning nothing, when another replica holds the row, it is
     * no longer pending, or an earlier entry for the same destination is still undelivered (order per destination).
     * A crash before the commit releases the lock: the next start delivers the entry again.
     */
    <T> Optional<T> claimed(OutboxEntry entry, String topicPrefix, Function<OutboxEntry, T> delivery);

    /**
     * Claims the entry for a call made outside any transaction: locks it as {@link #claimed} does, marks it as being
     * sent ({@code sending_since}) and keeps other replicas off it until {@code until}, and commits before the call.
     * A crash, a timeout or a lost commit after the call thus leaves an entry that says it may have been delivered.
     *
     * @return the entry as it was before this claim (its {@code sendingSince} set when an earlier attempt's outcome
     *         is unknown), or nothing when another replica holds or is sending it, it is no longer due, or an earlier
     *         entry for the same destination is still undelivered
     */
    Optional<OutboxEntry> claim(OutboxEntry entry, String topicPrefix, Instant until);

    /** The call ended without saying whether it delivered the entry: it is reconciled before it is sent again. */
    void unknown(OutboxEntry entry, Instant next, String error);

    /** The newest undelivered entry of this kind for the incident; read before rendering what folds it. */
    Optional<Long> newestPending(OutboxKind kind, IncidentId incident);

    /** Entries of this kind for the incident up to {@code upTo} that one delivery has made redundant. */
    int folded(OutboxKind kind, IncidentId incident, long upTo);

    /** Everything not yet delivered among those topics, due or not, oldest first: for in-order delivery. */
    List<OutboxEntry> pending(String topicPrefix, int limit);

    /** Delivered (or folded into a newer delivery of the same message). */
    void sent(OutboxEntry entry, List<AuditRecord> records);

    void retry(OutboxEntry entry, Instant next, String error);

    /** Will never be delivered: the reason is kept with the entry and in the audit trail. */
    void failed(OutboxEntry entry, String error, AuditRecord record);

    /**
     * The newest entry for {@code destination} among those topics, whatever became of it: what a push sink last
     * got ("which apps obey", docs/api.md). Empty when there is none (or it was pruned).
     */
    Optional<LastEntry> latest(String topicPrefix, String destination);

    /**
     * @param kind      the entry's kind word, e.g. {@code flag-litellm}
     * @param state     pending (waiting or retrying), sent, or failed for good
     * @param createdAt when the change that wrote it committed
     * @param sentAt    when it was delivered; empty unless sent
     * @param lastError what its last failed attempt said
     */
    record LastEntry(long id, String kind, State state, Instant createdAt, Optional<Instant> sentAt,
                     Optional<String> lastError, Optional<Long> incidentId, String idempotencyKey) {
        public enum State {
            PENDING, SENT, FAILED
        }
    }

    /** How many entries wait, among all topics. */
    long pending();

    /** What waits among the topics starting with {@code topicPrefix}: for operators (metrics), not for delivery. */
    Backlog backlog(String topicPrefix);

    /**
     * @param pending entries not yet delivered (due now or waiting for a retry)
     * @param oldest  when the oldest of them was written
     */
    record Backlog(long pending, Optional<Instant> oldest) {
    }
}
