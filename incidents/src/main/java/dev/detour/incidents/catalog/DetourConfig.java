package dev.detour.incidents.catalog;

import java.util.Objects;

/**
 * Everything the config file holds: the catalog and policy, Slack destinations, detection thresholds.
 *
 * @param source where it was read from, for messages (a file path or a classpath resource)
 */
public record DetourConfig(Catalog catalog, SlackSettings slack, DetectionSettings detection, String source) {
    public DetourConfig {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(source, "source");
    }
}
