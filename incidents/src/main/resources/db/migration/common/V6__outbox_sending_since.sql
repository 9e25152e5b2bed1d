-- A delivery whose outcome is not known: set (and committed) just before Detour calls the outside system, cleared
-- when the answer is recorded. A row that still has it was in flight when the process died, its call timed out,
-- or the commit after the answer failed: the outside system may have acted on it, so it is reconciled (for Slack:
-- looked up in the channel's history) before it is sent again. See docs/slack.md, "Delivery".
ALTER TABLE outbox ADD COLUMN sending_since TIMESTAMP WITH TIME ZONE;
