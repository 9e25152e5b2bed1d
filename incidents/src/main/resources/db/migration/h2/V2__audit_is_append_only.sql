-- H2 runs triggers as Java classes: the same refusal as the PostgreSQL trigger, for the embedded database.
CREATE TRIGGER audit_record_no_update_or_delete
    BEFORE UPDATE, DELETE ON audit_record
    FOR EACH ROW CALL 'dev.detour.incidents.persistence.AuditAppendOnlyTrigger';
