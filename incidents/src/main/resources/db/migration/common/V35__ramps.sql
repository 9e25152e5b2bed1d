-- Staged recovery (docs/recovery.md): the latest ramp of each target, running or ended. The ramp job reads and
-- writes it on whichever replica holds the job, so a ramp carries on after a restart or a fail-over.
CREATE TABLE ramp (
    target_key        VARCHAR(200) NOT NULL PRIMARY KEY,  -- provider:<id> or model:<id>
    steps             VARCHAR(400) NOT NULL,              -- JSON array of percentages, e.g. [10,50,100]
    hold_ms           BIGINT NOT NULL,
    min_requests      INTEGER NOT NULL,
    state             VARCHAR(20) NOT NULL,               -- running, paused, rolled-back, completed, aborted
    step              INTEGER NOT NULL,                   -- counted from 1
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    step_since        TIMESTAMP WITH TIME ZONE NOT NULL,
    hold_since        TIMESTAMP WITH TIME ZONE NOT NULL,
    evidence          VARCHAR(4000) NOT NULL,             -- JSON: what the current hold has seen
    rollbacks         INTEGER NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
