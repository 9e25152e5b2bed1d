package dev.detour.bot.ofrep;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How OFREP's change-event streams are bounded and advertised (docs/flags.md, "Change events"; docs/configuration.md
 * lists every setting). Defaults live here, on the record, and nowhere else. The heartbeat period is the
 * {@code @Scheduled} placeholder {@code detour.ofrep.heartbeat} of {@link EventStreams#heartbeat()}.
 *
 * @param maxConnections     {@code detour.ofrep.max-connections}: event streams one replica holds at most; one more
 *                           is answered 503 with {@code Retry-After}, so the client keeps polling
 * @param retryAfter         {@code detour.ofrep.retry-after}: the {@code Retry-After} of that 503
 * @param inactivityDelay    {@code detour.ofrep.inactivity-delay}: advertised as {@code inactivityDelaySec}: how long
 *                           an idle client (a hidden browser tab) keeps its stream open
 * @param minPollingInterval {@code detour.ofrep.min-polling-interval}: the least polling interval
 *                           {@code GET /ofrep/v1/configuration} asks of providers that poll
 * @param slowClientLimit    {@code detour.ofrep.slow-client-limit}: how long an event may wait for a client that
 *                           reads nothing before its stream is closed (its place goes to others)
 */
@ConfigurationProperties("detour.ofrep")
public record OfrepEventSettings(@Bindable(defaultValue = "10000") int maxConnections,
                                 @Bindable(defaultValue = "30s") Duration retryAfter,
                                 @Bindable(defaultValue = "120s") Duration inactivityDelay,
                                 @Bindable(defaultValue = "30s") Duration minPollingInterval,
                                 @Bindable(defaultValue = "30s") Duration slowClientLimit) {
}
