package dev.detour.notifications.slack;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * How Detour waits for Slack, with every default in this one place (docs/configuration.md lists them).
 *
 * @param timeout         {@code detour.slack.timeout}: the longest any Slack call may take, answer included
 * @param readHistory     {@code detour.slack.read-history}: whether Detour looks in a channel's history for a post
 *                        whose call ended without an answer before posting it again (needs {@code channels:history}
 *                        and, for private channels, {@code groups:history})
 * @param unconfirmedWait {@code detour.slack.unconfirmed-wait}: where the history cannot be read, how long a post
 *                        whose call timed out waits before it is sent again
 */
public record SlackDeliverySettings(Duration timeout, boolean readHistory, Duration unconfirmedWait) {

    /**
     * How long other replicas keep off a row being sent, and how long after an unanswered call Detour looks for
     * its post: twice the call timeout, so a call Slack is still working on has finished by then.
     */
    public Duration lease() {
        return timeout.multipliedBy(2);
    }

    @Factory
    static class FromProperties {
        @Singleton
        SlackDeliverySettings settings(@Property(name = "detour.slack.timeout", defaultValue = "10s") Duration timeout,
                                       @Property(name = "detour.slack.read-history", defaultValue = "true")
                                       boolean readHistory,
                                       @Property(name = "detour.slack.unconfirmed-wait", defaultValue = "2m")
                                       Duration unconfirmedWait) {
            return new SlackDeliverySettings(timeout, readHistory, unconfirmedWait);
        }
    }
}
