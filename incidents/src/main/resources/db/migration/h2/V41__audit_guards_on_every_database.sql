-- The audit trail's guards (V2, V7) on every database: a new database starts from B40, which comes after them, so
-- it gets them here; on a database migrated through V2 and V7 both statements find what they would create and do
-- nothing. Same trigger and guard table as V2 and V7 (see their comments).
CREATE TRIGGER IF NOT EXISTS audit_record_no_update_or_delete
    BEFORE UPDATE, DELETE ON audit_record
    FOR EACH ROW CALL 'dev.detour.incidents.persistence.AuditAppendOnlyTrigger';

-- Nothing is ever written here: its foreign key makes H2 refuse TRUNCATE audit_record.
CREATE TABLE IF NOT EXISTS audit_record_truncate_guard (
    audit_record_id BIGINT NOT NULL REFERENCES audit_record (id)
);
