-- Where each incident's root message lives in Slack, so later events reply in its thread and edit it in place.
CREATE TABLE incident_thread (
    incident_id  BIGINT       NOT NULL PRIMARY KEY REFERENCES incident (id),
    channel      VARCHAR(64)  NOT NULL,
    ts           VARCHAR(64)  NOT NULL,
    posted_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Deliveries from outside that must be handled once (Slack retries an event it thinks we missed).
CREATE TABLE inbound_event (
    event_key    VARCHAR(300) NOT NULL PRIMARY KEY,   -- source:id, e.g. slack:Ev0123ABC
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
