package dev.detour.incidents.application;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How health signals are taken (docs/signals.md; docs/configuration.md lists every setting). Defaults live here, on
 * the record, and nowhere else. How often the gateway jobs run is a {@code @Scheduled} placeholder instead
 * ({@code detour.signals.gateway-check}, {@code detour.signals.gateway-share}): Micronaut reads those from the
 * environment, not from a bean.
 *
 * @param gatewayRecordWait {@code detour.signals.gateway-record-wait}: how long a gateway batch that changes a
 *                          model's health waits for that change to be recorded before it is answered
 */
@ConfigurationProperties("detour.signals")
public record SignalSettings(@Bindable(defaultValue = "1s") Duration gatewayRecordWait) {
}
