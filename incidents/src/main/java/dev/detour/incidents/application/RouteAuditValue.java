package dev.detour.incidents.application;

import dev.detour.incidents.catalog.EnumWords;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteState;

import java.util.Objects;
import java.util.Optional;

/**
 * A route as the {@code before} and {@code after} of a {@code route.changed} audit record hold it (docs/api.md):
 * {@code primary claude-opus-4-8}, {@code fallback gpt-5}, {@code awaiting-consent (gpt-5)}, {@code stopped},
 * {@code stopped (gpt-5)} (the question about gpt-5 was answered no). The audit trail is the only record of every
 * route a task class took with its model, so this class is the one place that writes that text
 * ({@link RouteRecalculation}) and the one place that reads it back ({@code IncidentReports}); the text has kept
 * this form since the first release, so every stored record reads.
 *
 * @param serving present exactly when the state serves
 * @param offered the model a question was (or is) about, only while nothing serves
 */
public record RouteAuditValue(RouteState state, Optional<ModelId> serving, Optional<ModelId> offered) {
    public RouteAuditValue {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(serving, "serving");
        Objects.requireNonNull(offered, "offered");
        if (state.serves() != serving.isPresent() || serving.isPresent() && offered.isPresent()) {
            throw new IllegalArgumentException(state.word() + " route serving " + serving + " offered " + offered);
        }
    }

    /** What the audit trail keeps of {@code route}: a serving route's offered model is not kept. */
    public static RouteAuditValue of(Route route) {
        return new RouteAuditValue(route.state(), route.serving(),
                route.offered().filter(model -> route.serving().isEmpty()));
    }

    /** The text for the audit record. */
    public static String write(Route route) {
        return of(route).text();
    }

    public String text() {
        return state.word() + serving.map(model -> " " + model).orElse("")
                + offered.map(model -> " (" + model + ")").orElse("");
    }

    /** The route a stored {@code before} or {@code after} holds; empty for text this class never wrote. */
    public static Optional<RouteAuditValue> read(String text) {
        int space = text.indexOf(' ');
        Optional<RouteState> state = EnumWords.parse(RouteState.values(), space < 0 ? text : text.substring(0, space));
        Optional<String> model = space < 0 ? Optional.empty() : Optional.of(text.substring(space + 1));
        if (state.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (state.get().serves()) {
                return model.map(id -> new RouteAuditValue(state.get(), Optional.of(ModelId.of(id)), Optional.empty()));
            }
            if (model.isPresent() && !(model.get().startsWith("(") && model.get().endsWith(")"))) {
                return Optional.empty();
            }
            Optional<ModelId> offered = model.map(inParentheses -> ModelId.of(inParentheses.substring(1,
                    inParentheses.length() - 1)));
            return Optional.of(new RouteAuditValue(state.get(), Optional.empty(), offered));
        } catch (IllegalArgumentException notAModelId) {
            return Optional.empty();
        }
    }
}
