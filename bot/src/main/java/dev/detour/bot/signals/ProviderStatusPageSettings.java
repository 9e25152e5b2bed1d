package dev.detour.bot.signals;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

import java.time.Duration;

/**
 * How providers' status pages are polled (docs/signals.md; docs/configuration.md lists every setting). Defaults
 * live here, on the record, and nowhere else.
 *
 * @param poll         {@code detour.statuspage.poll}: whether pages are polled at all (webhooks work either way)
 * @param pollInterval {@code detour.statuspage.poll-interval}: how often each page is polled
 * @param timeout      {@code detour.statuspage.timeout}: how long one poll may take, from connecting to the last byte
 * @param maxSize      {@code detour.statuspage.max-size}: the largest {@code summary.json} read, in bytes
 */
@ConfigurationProperties("detour.statuspage")
public record ProviderStatusPageSettings(@Bindable(defaultValue = "true") boolean poll,
                                 @Bindable(defaultValue = "60s") Duration pollInterval,
                                 @Bindable(defaultValue = "10s") Duration timeout,
                                 @Bindable(defaultValue = "2MB") @ReadableBytes long maxSize) {
}
