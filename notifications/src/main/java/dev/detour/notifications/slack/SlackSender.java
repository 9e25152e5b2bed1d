package dev.detour.notifications.slack;

import java.util.Optional;

/** Posts and edits messages: the Slack Web API, or the console when Detour runs without a bot token. */
public interface SlackSender {

    SendResult post(String channel, Optional<String> threadTs, SlackPayload message);

    SendResult update(String channel, String ts, SlackPayload message);

    /** Joins a public channel (after {@code not_in_channel}); a {@link SendResult.Delivered} when it worked. */
    SendResult join(String channel);
}
