-- Whether on-call set an incident's kind (/detour kind): then it stays as set; otherwise the kind shown follows
-- what users notice (a paused feature makes it an outage). Incidents before this had their kind from whoever
-- opened them, which is not the same as a person setting it later.
ALTER TABLE incident ADD COLUMN kind_set BOOLEAN DEFAULT FALSE NOT NULL;
