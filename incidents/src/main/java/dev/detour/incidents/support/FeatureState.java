package dev.detour.incidents.support;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.routing.RouteState;

import java.util.Objects;
import java.util.Optional;

/**
 * What a support post announced about one feature (task class), kept as data with the post so the next post can
 * say what changed since (never read back from the post's words).
 *
 * @param serving the model that served the feature when the post was written; empty while it was paused
 */
public record FeatureState(RouteState state, Optional<ModelId> serving) {
    public FeatureState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(serving, "serving");
    }

    /** Whether the feature served nothing: paused, or waiting for on-call's consent. */
    public boolean paused() {
        return state != RouteState.PRIMARY && serving.isEmpty();
    }

    /** Whether customers would notice a difference between the two: paused or not, and by which model. */
    public boolean differsFrom(FeatureState earlier) {
        return paused() != earlier.paused() || !serving.equals(earlier.serving());
    }
}
