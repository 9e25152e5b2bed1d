-- The audit trail's guards (V2) on every database: a new database starts from B40, which comes after V2, so it gets
-- them here; on a database migrated through V2 this replaces the function and triggers with the same ones. All in
-- this migration's transaction, so no moment exists in which audit_record is unguarded.
CREATE OR REPLACE FUNCTION audit_record_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit records are append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER IF EXISTS audit_record_no_update_or_delete ON audit_record;
CREATE TRIGGER audit_record_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_is_append_only();

DROP TRIGGER IF EXISTS audit_record_no_truncate ON audit_record;
CREATE TRIGGER audit_record_no_truncate
    BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_is_append_only();
