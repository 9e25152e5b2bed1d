package dev.detour.notifications.slack;

/** What looking for a marked post in a channel's history found. */
public sealed interface HistoryLookup {

    /** Slack has the post: the row is delivered, with this ts. */
    record Found(String channel, String ts) implements HistoryLookup {
    }

    /** Slack's history since the row was written has no such post: sending it now sends it once. */
    record NotFound() implements HistoryLookup {
    }

    /**
     * Detour may not read this channel's history ({@code missing_scope}, or {@code detour.slack.read-history} off):
     * delivery there is at least once.
     *
     * @param reason for the operator, e.g. {@code missing_scope: needs channels:history, has chat:write,commands}
     */
    record Unavailable(String reason) implements HistoryLookup {
    }

    /** The history could not be read now (timeout, 5xx, rate limit): look again later, do not post yet. */
    record Unanswered(String error) implements HistoryLookup {
    }
}
