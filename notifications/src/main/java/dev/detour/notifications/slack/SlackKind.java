package dev.detour.notifications.slack;

import dev.detour.incidents.outbox.OutboxKind;

import java.util.Arrays;
import java.util.Optional;

/** The Slack deliveries the outbox carries; {@link SlackDispatcher} takes every row whose topic starts {@code slack.}. */
public enum SlackKind implements OutboxKind {
    /** Renders the incident's root message as it is when delivered: posts it the first time, edits it after. */
    ROOT_REFRESH("slack.root", "slack-root-refresh"),
    /** A reply in the incident's thread. */
    REPLY("slack.reply", "slack-reply"),
    /** A question in the incident's thread (ThreadQuestion): rendered when posted, its ts remembered. */
    QUESTION("slack.question", "slack-question"),
    /** Something settled or changed questions of an incident: their messages are rendered again and edited. */
    QUESTION_SETTLED("slack.question-settled", "slack-question-settled"),
    /** A request for approval or an emergency apply in the incident's thread: posted, its ts remembered. */
    APPROVAL("slack.approval", "slack-approval"),
    /** A request for approval or an emergency apply was settled: its message is edited to one line. */
    APPROVAL_SETTLED("slack.approval-settled", "slack-approval-settled"),
    /** A post in the support channel; its words are also in the support post log. */
    SUPPORT_POST("slack.support", "slack-support-post"),
    /** The manager summary of a resolved incident. */
    SUMMARY("slack.summary", "slack-summary"),
    /** A customer update sent as a DM to someone who asked for one ({@code /detour subscribe}); destination: the user. */
    DIRECT_MESSAGE("slack.dm", "slack-direct-message"),
    /** A post of its own in the incident channel, in no incident's thread: a maintenance window's notices. */
    ANNOUNCEMENT("slack.announcement", "slack-announcement");

    public static final String TOPICS = "slack.";

    private final String topic;
    private final String word;

    SlackKind(String topic, String word) {
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

    /** The kind a row says it is; empty for a kind this version does not know. */
    public static Optional<SlackKind> of(String word) {
        return Arrays.stream(values()).filter(kind -> kind.word.equals(word)).findFirst();
    }
}
