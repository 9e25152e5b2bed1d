-- What each support post announced per feature (task class), as data (JSON; see FeatureStatesJson): the next post
-- compares its own states with these to say what changed since (docs/status.md). Posts written before keep NULL.
ALTER TABLE support_post ADD COLUMN features VARCHAR(100000);
