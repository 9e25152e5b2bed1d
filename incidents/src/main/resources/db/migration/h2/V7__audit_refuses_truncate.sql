-- H2 has no TRUNCATE trigger, but it refuses to truncate a table that a foreign key references (even with no
-- row referencing it): this empty table makes TRUNCATE audit_record fail on H2 as the PostgreSQL trigger does.
-- Nothing is ever written here.
CREATE TABLE audit_record_truncate_guard (
    audit_record_id BIGINT NOT NULL REFERENCES audit_record (id)
);
