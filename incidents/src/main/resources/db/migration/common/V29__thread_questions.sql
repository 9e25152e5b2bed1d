-- The questions Detour asks in incidents' threads (consent, switch off, switch back on): where each one was posted,
-- so it is edited in place once it is settled, and how it was settled (docs/slack.md, "Questions").
CREATE TABLE thread_question (
    question_key  VARCHAR(64)   NOT NULL PRIMARY KEY,   -- SHA-256 of incident, kind and subject
    incident_id   BIGINT        NOT NULL REFERENCES incident (id),
    kind          VARCHAR(20)   NOT NULL,               -- consent, switch-off, switch-on, monitor, resolve, post-update
    task_class    VARCHAR(100),                         -- consent: the task class
    target_kind   VARCHAR(20),                          -- switch-off, switch-on: provider or model
    target_id     VARCHAR(100),
    offered       VARCHAR(100),                         -- consent: the model it offers
    channel       VARCHAR(64)   NOT NULL,
    ts            VARCHAR(64)   NOT NULL,
    context       VARCHAR(3000) NOT NULL,               -- what the message says besides the question
    asked_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome       VARCHAR(30),                          -- empty while open
    settled_by    VARCHAR(300),
    settled_at    TIMESTAMP WITH TIME ZONE,
    closed        BOOLEAN       NOT NULL
);
CREATE INDEX thread_question_by_incident ON thread_question (incident_id, ts);
