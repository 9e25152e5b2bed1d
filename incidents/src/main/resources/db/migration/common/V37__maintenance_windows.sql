-- Maintenance windows: planned work on providers and models, from a provider's status page (id derived from the
-- page's own id, so a poll and a webhook, on either replica, record it once) or scheduled by hand; with what the
-- incident channel was told and what pre-route switched (docs/maintenance.md).
CREATE TABLE maintenance_window (
    id             VARCHAR(20)   NOT NULL PRIMARY KEY,   -- M-3f9a1c..., typed in /detour maintenance cancel
    source_kind    VARCHAR(20)   NOT NULL,               -- status-page or by-hand
    provider       VARCHAR(100),                         -- status-page: the provider whose page said it
    page_id        VARCHAR(200),                         -- status-page: the page's id for the maintenance
    created_by     VARCHAR(300),                         -- by-hand: the actor
    name           VARCHAR(4000) NOT NULL,
    targets        VARCHAR(4000) NOT NULL,               -- target keys, e.g. model:claude-opus-4-8, comma-separated
    starts_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    status         VARCHAR(20)   NOT NULL,               -- scheduled, cancelled, completed
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revision       INTEGER       NOT NULL,
    told_revision  INTEGER       NOT NULL,
    reminded_for   TIMESTAMP WITH TIME ZONE,
    started_at     TIMESTAMP WITH TIME ZONE,
    ended_at       TIMESTAMP WITH TIME ZONE,
    incident_id    BIGINT        REFERENCES incident (id)
);
CREATE INDEX maintenance_window_by_end ON maintenance_window (ends_at);
