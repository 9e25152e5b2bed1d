package dev.detour.incidents.catalog;

import java.util.List;
import java.util.Objects;

/**
 * Everything the config file holds: the catalog and policy, Slack destinations, detection thresholds, and the
 * sinks flag changes are pushed to.
 *
 * @param source where it was read from, for messages (a file path or a classpath resource)
 */
public record DetourConfig(Catalog catalog, SlackSettings slack, DetectionSettings detection, List<Sink> sinks,
                           String source) {
    public DetourConfig {
        sinks = List.copyOf(sinks);
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(source, "source");
    }

    /** A config without push sinks. */
    public DetourConfig(Catalog catalog, SlackSettings slack, DetectionSettings detection, String source) {
        this(catalog, slack, detection, List.of(), source);
    }
}
