package dev.detour.notifications.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

import java.time.Duration;

/**
 * How Detour talks to Slack's Web API (docs/slack.md, "Delivery"; docs/configuration.md lists every setting).
 * Defaults live here, on the record, and nowhere else: the notifications module runs in tests without the bot's
 * application.yml, so a default there would not reach it.
 *
 * @param timeout         {@code detour.slack.timeout}: the longest any Slack call may take, answer included
 * @param readHistory     {@code detour.slack.read-history}: whether Detour looks in a channel's history for a post
 *                        whose call ended without an answer before posting it again (needs {@code channels:history}
 *                        and, for private channels, {@code groups:history})
 * @param unconfirmedWait {@code detour.slack.unconfirmed-wait}: where the history cannot be read, how long a post
 *                        whose call timed out waits before it is sent again
 * @param burst           {@code detour.slack.burst}: posts (and, separately, edits) one channel may get at once
 *                        before pacing to about one per second
 * @param answerLimit     {@code detour.slack.answer-limit}: the largest answer from Slack that is read, in bytes
 */
@ConfigurationProperties("detour.slack")
public record SlackDeliverySettings(@Bindable(defaultValue = "10s") Duration timeout,
                                    @Bindable(defaultValue = "true") boolean readHistory,
                                    @Bindable(defaultValue = "2m") Duration unconfirmedWait,
                                    @Bindable(defaultValue = "3") int burst,
                                    @Bindable(defaultValue = "1MB") @ReadableBytes long answerLimit) {

    /**
     * How long other replicas keep off a row being sent, and how long after an unanswered call Detour looks for
     * its post: twice the call timeout, so a call Slack is still working on has finished by then.
     */
    public Duration lease() {
        return timeout.multipliedBy(2);
    }
}
