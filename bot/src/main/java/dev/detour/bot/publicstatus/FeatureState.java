package dev.detour.bot.publicstatus;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.detour.incidents.catalog.EnumWords;
import dev.detour.incidents.routing.RouteState;

/** How a feature (a task class) reads on the public status page: route states in words for end users. */
public enum FeatureState {
    /** On its usual model. */
    NORMAL,
    /** Served by another model. */
    FALLBACK,
    /** No model may serve it until one of its route returns. */
    PAUSED,
    /** Paused while on-call decides whether it may move to another model. */
    AWAITING_DECISION;

    public static FeatureState of(RouteState state) {
        return switch (state) {
            case PRIMARY -> NORMAL;
            case FALLBACK -> FALLBACK;
            case STOPPED -> PAUSED;
            case AWAITING_CONSENT -> AWAITING_DECISION;
        };
    }

    /** {@code normal}, {@code fallback}, {@code paused}, {@code awaiting-decision}. */
    @JsonValue
    public String word() {
        return EnumWords.of(this);
    }
}
