package dev.detour.incidents.persistence;

import dev.detour.incidents.application.Outbox;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.outbox.OutboxKind;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The dispatcher's side of the outbox: what is due, and how each delivery ended, with its audit record. */
@Singleton
public class OutboxDeliveries {
    private final OutboxRepository rows;
    private final AuditTrail audit;
    private final Clock clock;

    public OutboxDeliveries(OutboxRepository rows, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param topicPrefix e.g. {@code slack.}: each dispatcher takes only the deliveries it knows how to make */
    @Transactional(readOnly = true)
    public List<OutboxRow> due(String topicPrefix, int limit) {
        return rows.findDue(topicPrefix, clock.instant(), limit);
    }

    /**
     * Runs {@code delivery} on the row while this transaction holds its lock ({@code FOR UPDATE SKIP LOCKED}),
     * so that of several replicas exactly one delivers it, and settles it ({@link #sent}, {@link #retry},
     * {@link #failed} join this transaction). Skipped, returning nothing, when another replica holds the row, it is
     * no longer pending, or an earlier row for the same destination is still undelivered (order per destination).
     * A crash before the commit releases the lock: the next start delivers the row again.
     */
    @Transactional
    public <T> Optional<T> claimed(OutboxRow row, String topicPrefix, Function<OutboxRow, T> delivery) {
        Optional<OutboxRow> locked = rows.lockPending(row.id());
        if (locked.isEmpty() || rows.countPendingBefore(topicPrefix, row.destination(), row.id()) > 0) {
            return Optional.empty();
        }
        return Optional.of(delivery.apply(locked.get()));
    }

    /**
     * Claims the row for a call made outside any transaction: locks it as {@link #claimed} does, marks it as being
     * sent ({@code sending_since}) and keeps other replicas off it until {@code until}, and commits before the call.
     * A crash, a timeout or a lost commit after the call thus leaves a row that says it may have been delivered.
     *
     * @return the row as it was before this claim (its {@code sendingSince} set when an earlier attempt's outcome is
     *         unknown), or nothing when another replica holds or is sending it, it is no longer due, or an earlier row
     *         for the same destination is still undelivered
     */
    @Transactional
    public Optional<OutboxRow> claim(OutboxRow row, String topicPrefix, Instant until) {
        Optional<OutboxRow> locked = rows.lockDue(row.id(), clock.instant());
        if (locked.isEmpty() || rows.countPendingBefore(topicPrefix, row.destination(), row.id()) > 0) {
            return Optional.empty();
        }
        rows.markSending(row.id(), clock.instant(), until);
        return locked;
    }

    /** The call ended without saying whether it delivered the row: it is reconciled before it is sent again. */
    @Transactional
    public void unknown(OutboxRow row, Instant next, String error) {
        rows.markUnknown(row.id(), next, error);
    }

    /** The newest undelivered row of this kind for the incident; read before rendering what folds it. */
    @Transactional(readOnly = true)
    public Optional<Long> newestPending(OutboxKind kind, IncidentId incident) {
        return rows.newestPendingId(kind.word(), incident.number());
    }

    /** Rows of this kind for the incident up to {@code upTo} that one delivery has made redundant. */
    @Transactional
    public int folded(OutboxKind kind, IncidentId incident, long upTo) {
        return rows.markFolded(kind.word(), incident.number(), upTo, clock.instant());
    }

    /** Everything not yet delivered among those topics, due or not, oldest first: for in-order delivery. */
    @Transactional(readOnly = true)
    public List<OutboxRow> pending(String topicPrefix, int limit) {
        return rows.findPending(topicPrefix, limit);
    }

    /** Delivered (or folded into a newer delivery of the same message). */
    @Transactional
    public void sent(OutboxRow row, List<AuditRecord> records) {
        rows.markSent(row.id(), clock.instant());
        records.forEach(audit::append);
    }

    @Transactional
    public void retry(OutboxRow row, Instant next, String error) {
        rows.markRetry(row.id(), next, error);
    }

    /** Will never be delivered: the reason is kept on the row and in the audit trail. */
    @Transactional
    public void failed(OutboxRow row, String error, AuditRecord record) {
        rows.markFailed(row.id(), error);
        audit.append(record);
    }

    @Transactional(readOnly = true)
    public long pending() {
        return rows.countByStatus(Outbox.PENDING);
    }

    /** What waits among the topics starting with {@code topicPrefix}: for operators (metrics), not for delivery. */
    @Transactional(readOnly = true)
    public Backlog backlog(String topicPrefix) {
        return new Backlog(rows.countPending(topicPrefix), rows.oldestPending(topicPrefix));
    }

    /**
     * @param pending rows not yet delivered (due now or waiting for a retry)
     * @param oldest  when the oldest of them was written
     */
    public record Backlog(long pending, Optional<Instant> oldest) {
    }
}
