package dev.detour.notifications.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How often support hears from on-call (docs/slack.md; docs/configuration.md lists every setting). Defaults live
 * here, on the record, and nowhere else.
 *
 * @param updateEvery {@code detour.support.update-every}: how long support may go without a post while users are
 *                    affected before on-call is reminded; also the "next update by" of each support post
 */
@ConfigurationProperties("detour.support")
public record SupportSettings(@Bindable(defaultValue = "30m") Duration updateEvery) {
}
