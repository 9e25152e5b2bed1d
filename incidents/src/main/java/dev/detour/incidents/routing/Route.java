package dev.detour.incidents.routing;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.TaskClassId;

import java.util.Objects;
import java.util.Optional;

/**
 * A task class's route decision.
 *
 * @param serving the model serving it: present exactly when the state serves ({@code primary}, {@code fallback})
 * @param offered the model a fallback question is (or was) about: present for {@code awaiting-consent} and for
 *                a denied question, empty otherwise
 */
public record Route(TaskClassId taskClass, RouteState state, Optional<ModelId> serving, Optional<ModelId> offered,
                    RouteCause cause) {
    /** The {@code route.<taskClass>} flag value when nothing serves (docs/flags.md). */
    public static final String STOPPED_FLAG_VALUE = "stopped";

    public Route {
        Objects.requireNonNull(taskClass, "taskClass");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(serving, "serving");
        Objects.requireNonNull(offered, "offered");
        Objects.requireNonNull(cause, "cause");
        if (state.serves() != serving.isPresent()) {
            throw new IllegalArgumentException(state.word() + " route of " + taskClass
                    + (state.serves() ? " needs" : " cannot have") + " a serving model");
        }
        boolean mayOffer = state == RouteState.AWAITING_CONSENT || cause.deniesOffer();
        if (offered.isPresent() != mayOffer) {
            throw new IllegalArgumentException(state.word() + " route of " + taskClass + " ("
                    + cause + ") " + (mayOffer ? "needs" : "cannot have") + " an offered model");
        }
    }

    static Route serving(TaskClassId taskClass, RouteState state, ModelId model, RouteCause cause) {
        return new Route(taskClass, state, Optional.of(model), Optional.empty(), cause);
    }

    static Route paused(TaskClassId taskClass, RouteState state, Optional<ModelId> offered, RouteCause cause) {
        return new Route(taskClass, state, Optional.empty(), offered, cause);
    }

    /** The {@code route.<taskClass>} flag value: the serving model's id, or {@code stopped}. */
    public String flagValue() {
        return serving.map(ModelId::value).orElse(STOPPED_FLAG_VALUE);
    }
}
