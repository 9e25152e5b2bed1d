-- Status pages that could not be read at their last poll ("status page unreadable", docs/signals.md): written by
-- the replica that polls the page, read by every replica, so /api/status, the metric and the root message agree
-- on all of them. A row exists only while the page is unreadable; `since` is when it first failed in a row.
CREATE TABLE status_page_unreadable (
    provider    VARCHAR(100)  NOT NULL PRIMARY KEY,
    reason      VARCHAR(4000) NOT NULL,
    since       TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
