package dev.detour.notifications.flags;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How Detour talks to LiteLLM proxy sinks (docs/flags.md, "LiteLLM proxy sink"). Defaults live here and nowhere
 * else.
 *
 * @param timeout   {@code detour.flags.litellm.timeout}: one call to the proxy, its answer included
 * @param verifyFor {@code detour.flags.litellm.verify-for}: how long a change that the proxy accepted may take to
 *                  show in {@code GET /model/info} (other proxy pods reload on their own interval); past it the
 *                  change is failed for good and said so in the thread
 */
@ConfigurationProperties("detour.flags.litellm")
public record LiteLlmSettings(@Bindable(defaultValue = "10s") Duration timeout,
                              @Bindable(defaultValue = "10m") Duration verifyFor) {
}
