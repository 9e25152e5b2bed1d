-- Each timeline entry's detail as data (JSON; see TimelineDetailJson), rendered only when it is shown. Entries
-- written before this column existed keep their text in body and no detail; new entries leave body empty.
-- 100000 characters hold a detail's free texts (each at most 3000) and its targets with room to spare.
ALTER TABLE timeline_entry ADD COLUMN detail VARCHAR(100000);
