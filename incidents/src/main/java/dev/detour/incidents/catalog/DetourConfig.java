package dev.detour.incidents.catalog;

import java.util.List;
import java.util.Objects;

/**
 * Everything the config file holds: the catalog and policy, Slack destinations, detection thresholds, the
 * sinks flag changes are pushed to, and how big switch-offs are decided ({@code policy}).
 *
 * @param source where it was read from, for messages (a file path or a classpath resource)
 */
public record DetourConfig(Catalog catalog, SlackSettings slack, DetectionSettings detection, List<Sink> sinks,
                           PolicySettings policy, String source) {
    public DetourConfig {
        sinks = List.copyOf(sinks);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(source, "source");
    }

    /** A config with the default policy. */
    public DetourConfig(Catalog catalog, SlackSettings slack, DetectionSettings detection, List<Sink> sinks,
                        String source) {
        this(catalog, slack, detection, sinks, PolicySettings.DEFAULTS, source);
    }

    /** A config without push sinks, with the default policy. */
    public DetourConfig(Catalog catalog, SlackSettings slack, DetectionSettings detection, String source) {
        this(catalog, slack, detection, List.of(), source);
    }
}
