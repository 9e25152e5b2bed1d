package dev.detour.incidents.support;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.routing.RouteState;

import java.util.Objects;
import java.util.Optional;

/**
 * What a support post announced about one feature (task class), kept as data with the post so the next post can
 * say what changed since (never read back from the post's words).
 *
 * @param serving     the model that served the feature when the post was written; empty while it was paused
 * @param comingBack  whether its usual model was coming back to part of the traffic through a ramp
 *                    (docs/recovery.md)
 */
public record FeatureState(RouteState state, Optional<ModelId> serving, boolean comingBack) {
    public FeatureState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(serving, "serving");
    }

    /** A feature whose usual model is not coming back through a ramp. */
    public FeatureState(RouteState state, Optional<ModelId> serving) {
        this(state, serving, false);
    }

    /** Whether the feature is off its usual model while that model comes back to part of the traffic. */
    public boolean movingBack() {
        return comingBack && state != RouteState.PRIMARY;
    }

    /** Whether the feature served nothing: paused, or waiting for on-call's consent. */
    public boolean paused() {
        return state != RouteState.PRIMARY && serving.isEmpty();
    }

    /**
     * Whether customers would notice a difference between the two: paused or not, by which model, and whether its
     * usual model is coming back gradually.
     */
    public boolean differsFrom(FeatureState earlier) {
        return paused() != earlier.paused() || !serving.equals(earlier.serving())
                || movingBack() != earlier.movingBack();
    }
}
