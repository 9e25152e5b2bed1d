package dev.detour.bot.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The work Detour does after acknowledging a Slack request (docs/slack.md; docs/configuration.md lists every
 * setting). Defaults live here, on the record, and nowhere else.
 *
 * @param followUpWait  {@code detour.slack.follow-up-wait}: that work waits while Slack requests are being
 *                      acknowledged, but at most this long
 * @param followUpQueue {@code detour.slack.follow-up-queue}: how many pieces of that work may wait or run at once
 */
@ConfigurationProperties("detour.slack")
public record FollowUpSettings(@Bindable(defaultValue = "500ms") Duration followUpWait,
                               @Bindable(defaultValue = "200") int followUpQueue) {
}
