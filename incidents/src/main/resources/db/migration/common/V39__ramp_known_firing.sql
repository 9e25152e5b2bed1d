-- Staged recovery (docs/recovery.md, "A source that fires mid-step"): the sources a ramp already knows to call its
-- target failing (those firing when it began, and those it rolled back for). Any other source that fires during a
-- step rolls the ramp back, whatever the traffic. Ramps stored before know none.
ALTER TABLE ramp ADD COLUMN known_firing VARCHAR(2000) DEFAULT '[]' NOT NULL;  -- JSON array of source names
