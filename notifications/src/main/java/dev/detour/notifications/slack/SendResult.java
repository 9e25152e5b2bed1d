package dev.detour.notifications.slack;

import java.time.Duration;
import java.util.Optional;

/** How one call to Slack ended. */
public sealed interface SendResult {

    /** @param ts the message's timestamp, its id within the channel */
    record Delivered(String channel, String ts) implements SendResult {
    }

    /** Not done, and worth trying again: rate limited ({@code after} from Retry-After), a 5xx, no connection. */
    record Retry(Optional<Duration> after, String error) implements SendResult {
    }

    /**
     * No answer that says whether Slack did it: the call timed out or the connection closed after the request went
     * out. Slack may have posted the message, so it is looked up before it is posted again.
     */
    record Unknown(String error) implements SendResult {
    }

    /** Slack said no and will say no again ({@code channel_not_found}, {@code invalid_auth}, ...). */
    record Failed(String error) implements SendResult {
    }
}
