package dev.detour.incidents.persistence;

import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.ports.AuditTrail;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The audit trail in its append-only table: records in, records out; rows never leave this package. */
@Singleton
public class AuditTrailTable implements AuditTrail {
    private final AuditRecordRepository rows;

    public AuditTrailTable(AuditRecordRepository rows) {
        this.rows = rows;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void append(AuditRecord record) {
        rows.save(new AuditRecordRow(null, record.at(), record.actor().toString(), record.action().text(),
                record.subject().text(),
                record.before().orElse(null), record.after().orElse(null), record.reason().orElse(null),
                record.incident().map(IncidentId::number).orElse(null)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<StoredAuditRecord> search(AuditQuery query) {
        Long incident = query.incident().map(IncidentId::number).orElse(null);
        String subject = query.subject().orElse(null);
        Instant since = query.since().orElse(null);
        Instant until = query.until().orElse(null);
        String hidden = query.receipts() ? null : AuditQuery.RECEIPTS.toString();
        List<AuditRecordRow> found = switch (query.order()) {
            case OLDEST_FIRST -> rows.search(incident, subject, since, until, hidden, query.afterId(), query.limit(),
                    query.offset());
            case NEWEST_FIRST -> rows.searchNewestFirst(incident, subject, since, until, hidden, query.afterId(),
                    query.limit(), query.offset());
        };
        return found.stream().map(AuditTrailTable::toRecord).toList();
    }

    private static StoredAuditRecord toRecord(AuditRecordRow row) {
        return new StoredAuditRecord(row.id(), new AuditRecord(row.occurredAt(), Actor.parse(row.actor()),
                new AuditAction(row.action()), AuditSubject.of(row.subject()), Optional.ofNullable(row.beforeValue()),
                Optional.ofNullable(row.afterValue()), Optional.ofNullable(row.reason()),
                Optional.ofNullable(row.incidentId()).map(IncidentId::new)));
    }
}
