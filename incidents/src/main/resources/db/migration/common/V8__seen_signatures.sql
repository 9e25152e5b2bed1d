-- Signed requests already taken (Slack's X-Slack-Signature), so that a request captured and sent again within its
-- signature's validity window is recognised on any replica and has no effect (docs/slack.md). A signature covers
-- its timestamp and body, so each request has its own. Rows older than the window are deleted: a replay of one of
-- them is refused for its timestamp anyway.
CREATE TABLE seen_signature (
    signature  VARCHAR(100) NOT NULL PRIMARY KEY,
    signed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX seen_signature_signed_at ON seen_signature (signed_at);
