-- When a support post promised the next one, as data (docs/status.md): the public page shows the promise only
-- on the newest post of an open incident. Posts written before kept it in their body; V25 moves it here.
ALTER TABLE support_post ADD COLUMN next_update_by TIMESTAMP WITH TIME ZONE;
