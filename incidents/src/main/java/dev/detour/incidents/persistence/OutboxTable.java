package dev.detour.incidents.persistence;

import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.outbox.BatchId;
import dev.detour.incidents.outbox.DeliveryKey;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxEntry;
import dev.detour.incidents.outbox.OutboxKind;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.ports.OutboxQueue;
import dev.detour.incidents.ports.OutboxStorage;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The outbox table: rows in, {@link OutboxEntry} values out; rows never leave this package. */
@Singleton
public class OutboxTable implements OutboxQueue, OutboxStorage {
    static final String PENDING = "pending";

    private final OutboxRepository rows;
    private final AuditTrail audit;
    private final Clock clock;

    public OutboxTable(OutboxRepository rows, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean appendIfAbsent(OutboxDraft draft, DeliveryKey key, BatchId batch, Instant at) {
        Long incident = draft.incident().map(IncidentId::number).orElse(null);
        return rows.insertIfAbsent(at, draft.kind().topic(), draft.kind().word(), batch.toString(),
                draft.destination(), key.stored(), draft.payload(), incident, PENDING) == 1;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void withdraw(DeliveryKey key) {
        rows.deletePending(key.stored());
    }

    @Override
    @Transactional
    public int deleteDelivered(Instant sentBefore, int limit) {
        return rows.deleteDelivered(sentBefore, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<OutboxEntry> due(String topicPrefix, int limit) {
        return entries(rows.findDue(topicPrefix, clock.instant(), limit));
    }

    @Override
    @Transactional
    public <T> Optional<T> claimed(OutboxEntry entry, String topicPrefix, Function<OutboxEntry, T> delivery) {
        Optional<OutboxRow> locked = rows.lockPending(entry.id());
        if (locked.isEmpty() || rows.countPendingBefore(topicPrefix, entry.destination(), entry.id()) > 0) {
            return Optional.empty();
        }
        return Optional.of(delivery.apply(entry(locked.get())));
    }

    @Override
    @Transactional
    public Optional<OutboxEntry> claim(OutboxEntry entry, String topicPrefix, Instant until) {
        Optional<OutboxRow> locked = rows.lockDue(entry.id(), clock.instant());
        if (locked.isEmpty() || rows.countPendingBefore(topicPrefix, entry.destination(), entry.id()) > 0) {
            return Optional.empty();
        }
        rows.markSending(entry.id(), clock.instant(), until);
        return locked.map(OutboxTable::entry);
    }

    @Override
    @Transactional
    public void unknown(OutboxEntry entry, Instant next, String error) {
        rows.markUnknown(entry.id(), next, error);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> newestPending(OutboxKind kind, IncidentId incident) {
        return rows.newestPendingId(kind.word(), incident.number());
    }

    @Override
    @Transactional
    public int folded(OutboxKind kind, IncidentId incident, long upTo) {
        return rows.markFolded(kind.word(), incident.number(), upTo, clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public List<OutboxEntry> pending(String topicPrefix, int limit) {
        return entries(rows.findPending(topicPrefix, limit));
    }

    @Override
    @Transactional
    public void sent(OutboxEntry entry, List<AuditRecord> records) {
        rows.markSent(entry.id(), clock.instant());
        records.forEach(audit::append);
    }

    @Override
    @Transactional
    public void retry(OutboxEntry entry, Instant next, String error) {
        rows.markRetry(entry.id(), next, error);
    }

    @Override
    @Transactional
    public void failed(OutboxEntry entry, String error, AuditRecord record) {
        rows.markFailed(entry.id(), error);
        audit.append(record);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LastEntry> latest(String topicPrefix, String destination) {
        return rows.findNewest(topicPrefix, destination).map(row -> new LastEntry(row.id(), row.kind(),
                switch (row.status()) {
                    case "sent" -> LastEntry.State.SENT;
                    case "failed" -> LastEntry.State.FAILED;
                    default -> LastEntry.State.PENDING;
                }, row.createdAt(), Optional.ofNullable(row.sentAt()), Optional.ofNullable(row.lastError()),
                Optional.ofNullable(row.incidentId()), row.idempotencyKey()));
    }

    @Override
    @Transactional(readOnly = true)
    public long pending() {
        return rows.countByStatus(PENDING);
    }

    @Override
    @Transactional(readOnly = true)
    public Backlog backlog(String topicPrefix) {
        return new Backlog(rows.countPending(topicPrefix), rows.oldestPending(topicPrefix));
    }

    private static List<OutboxEntry> entries(List<OutboxRow> found) {
        return found.stream().map(OutboxTable::entry).toList();
    }

    static OutboxEntry entry(OutboxRow row) {
        return new OutboxEntry(row.id(), row.createdAt(), row.topic(), row.kind(), row.batch(), row.destination(),
                row.idempotencyKey(), row.payload(), row.incidentId(), row.attempts(), row.nextAttemptAt(),
                row.lastError(), row.sendingSince());
    }
}
