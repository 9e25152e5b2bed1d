package dev.detour.notifications.flags;

import dev.detour.incidents.outbox.OutboxKind;

/** The flag pushes the outbox carries, one row per sink and change; {@link FlagPushDispatcher} delivers them. */
public enum FlagPushKind implements OutboxKind {
    WEBHOOK("flags.webhook", "flag-webhook"),
    FLAGD_FILE("flags.file", "flag-file"),
    /** Block or unblock a LiteLLM proxy's deployments, verified through /model/info. */
    LITELLM("flags.litellm", "flag-litellm");

    public static final String TOPICS = "flags.";

    private final String topic;
    private final String word;

    FlagPushKind(String topic, String word) {
        this.topic = topic;
        this.word = word;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public String word() {
        return word;
    }
}
