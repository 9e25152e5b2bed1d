-- The state each health source last announced about each thing it judges (a model as the gateway sees it, a
-- status-page component), so that one transition is one signal whichever replica sees it first, and a state
-- already announced is never announced again (after a restart, or when a poller moves to another replica).
CREATE TABLE signal_state (
    subject_key  VARCHAR(64) NOT NULL PRIMARY KEY,   -- SHA-256 of the subject, e.g. gateway|provider|model:gpt-5
    state        VARCHAR(60) NOT NULL,               -- e.g. failing, healthy, major_outage
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
