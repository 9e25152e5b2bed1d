-- Whether a consent answer is the task class's on-timeout answer because nobody answered in time: the route's
-- cause says so (consent-timeout-approved / consent-timeout-denied) instead of a reader guessing from the actor.
ALTER TABLE consent ADD COLUMN timed_out BOOLEAN DEFAULT FALSE NOT NULL;
