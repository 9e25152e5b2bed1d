-- Internal people who asked for a Slack DM on every customer update (/detour subscribe, docs/slack.md).
CREATE TABLE slack_subscriber (
    user_id  VARCHAR(32) NOT NULL PRIMARY KEY,
    since    TIMESTAMP WITH TIME ZONE NOT NULL
);
