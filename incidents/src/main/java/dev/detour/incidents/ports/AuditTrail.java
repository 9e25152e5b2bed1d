package dev.detour.incidents.ports;

import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.StoredAuditRecord;

import java.util.List;

/** Appends to and reads the audit trail. It has no way to change or remove a record, by design. */
public interface AuditTrail {
    /** Appends inside the caller's transaction (one is required), so a record exists exactly when its change does. */
    void append(AuditRecord record);

    List<StoredAuditRecord> search(AuditQuery query);
}
