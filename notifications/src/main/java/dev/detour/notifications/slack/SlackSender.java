package dev.detour.notifications.slack;

import java.time.Instant;
import java.util.Optional;

/** Posts and edits messages: the Slack Web API, or the console when Detour runs without a bot token. */
public interface SlackSender {

    /** @param mark the outbox row this post delivers, sent as the message's metadata */
    SendResult post(String channel, Optional<String> threadTs, SlackPayload message, PostMark mark);

    SendResult update(String channel, String ts, SlackPayload message);

    /** Joins a public channel (after {@code not_in_channel}); a {@link SendResult.Delivered} when it worked. */
    SendResult join(String channel);

    /**
     * Looks for the post carrying {@code mark} among the channel's messages (or the thread's replies) since
     * {@code since}.
     */
    HistoryLookup find(String channel, Optional<String> threadTs, PostMark mark, Instant since);
}
