-- Staged recovery (docs/recovery.md): what the last hold that ended saw (JSON, as `evidence`), for the root
-- message's ramp line; NULL until a ramp's first hold ends.
ALTER TABLE ramp ADD COLUMN last_hold VARCHAR(4000);
