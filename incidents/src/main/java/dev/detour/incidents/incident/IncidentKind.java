package dev.detour.incidents.incident;

import dev.detour.incidents.catalog.EnumWords;

import java.util.Optional;

/**
 * What kind of change an incident is. Kept explicit so that an outage is never mistaken for a change in model
 * quality (see docs/slack.md, "The incident thread").
 */
public enum IncidentKind {
    OUTAGE,
    DEGRADATION,
    MODEL_CHANGE,
    ROUTING_CHANGE,
    POLICY_CHANGE,
    /** Planned work on our side: nothing is broken, some features use other models or pause meanwhile. */
    MAINTENANCE;

    /** The word used in commands and the API: {@code outage}, {@code model-change}, ... */
    public String word() {
        return EnumWords.of(this);
    }

    public static Optional<IncidentKind> fromWord(String word) {
        return EnumWords.parse(values(), word);
    }
}
