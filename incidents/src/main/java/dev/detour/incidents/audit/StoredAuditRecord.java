package dev.detour.incidents.audit;

/** An audit record as stored, with its position in the trail. */
public record StoredAuditRecord(long id, AuditRecord record) {
}
