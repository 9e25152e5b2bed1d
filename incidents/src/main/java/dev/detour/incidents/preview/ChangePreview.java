package dev.detour.incidents.preview;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.DetectionSettings;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Refusal;
import dev.detour.incidents.routing.Availability;
import dev.detour.incidents.routing.ConsentRecord;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.incidents.routing.RoutePlanner;
import dev.detour.incidents.routing.RouteState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The effect of a proposed change, computed from the routing inputs without making it. Pure: it plans the routes
 * after the change with the same {@link RoutePlanner} the route recalculation uses, so applying the change
 * produces exactly the routes, flags and questions the preview names, as long as the state has not moved
 * ({@link Preview#version()}). Refuses what the real change refuses, with the same {@link Refusal}.
 */
public final class ChangePreview {
    private final Catalog catalog;
    private final DetectionSettings detection;
    private final RoutePlanner planner = new RoutePlanner();

    /** @param detection its {@code min-requests} and error rates decide which models count as failing or healthy */
    public ChangePreview(Catalog catalog, DetectionSettings detection) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.detection = Objects.requireNonNull(detection, "detection");
    }

    /**
     * @param evidence what is known about each model's health; a model without an entry has no evidence
     */
    public PreviewOutcome preview(ProposedChange change, RoutingSnapshot state, Map<ModelId, ModelEvidence> evidence) {
        Optional<Refusal> refused = refusal(change, state);
        if (refused.isPresent()) {
            return new PreviewOutcome.Refused(refused.get());
        }
        RoutingSnapshot after = after(change, state);
        Map<TaskClassId, Route> planned = planner.planAll(catalog, after.availability(), after.overrides(),
                after.consents());
        Map<TaskClassId, Route> plannedBefore = planner.planAll(catalog, state.availability(), state.overrides(),
                state.consents());
        List<TaskClassEffect> effects = new ArrayList<>();
        List<QuestionEffect> questions = new ArrayList<>();
        for (TaskClass taskClass : catalog.taskClasses()) {
            TaskClassEffect effect = new TaskClassEffect(taskClass.id(),
                    Optional.ofNullable(state.routes().get(taskClass.id())), planned.get(taskClass.id()));
            effects.add(effect);
            if (effect.changed() && effect.stateAfter() == RouteState.AWAITING_CONSENT) {
                questions.add(new QuestionEffect(taskClass.id(), effect.after().offered().orElseThrow(),
                        taskClass.consentTimeout(), taskClass.onTimeout()));
            }
        }
        List<SwitchedOffModel> switchedOff = change instanceof ProposedChange.Disable
                ? switchedOff(state.availability(), after.availability(), evidence) : List.of();
        return new PreviewOutcome.Previewed(new Preview(change, state.version(), effects, questions,
                flags(state, after, plannedBefore, planned), switchedOff, narrower(change, switchedOff)));
    }

    /** What the real change refuses, checked in the same order as the use cases check it. */
    public Optional<Refusal> refusal(ProposedChange change, RoutingSnapshot state) {
        if (change instanceof ProposedChange.Disable disable) {
            return unknownTargets(disable.targets());
        }
        if (change instanceof ProposedChange.Enable enable) {
            return unknownTargets(enable.targets());
        }
        if (change instanceof ProposedChange.Reroute reroute) {
            if (catalog.taskClass(reroute.taskClass()).isEmpty()) {
                return Optional.of(new Refusal.UnknownTaskClass(reroute.taskClass()));
            }
            if (reroute.override().orElse(null) instanceof RouteOverride.Pin pin && catalog.model(pin.model()).isEmpty()) {
                return Optional.of(new Refusal.UnknownModel(pin.model()));
            }
            if (Optional.ofNullable(state.overrides().get(reroute.taskClass())).equals(reroute.override())) {
                return Optional.of(new Refusal.AlreadyOverridden(reroute.taskClass(), reroute.override()));
            }
            return Optional.empty();
        }
        ProposedChange.Answer answer = (ProposedChange.Answer) change;
        if (catalog.taskClass(answer.taskClass()).isEmpty()) {
            return Optional.of(new Refusal.UnknownTaskClass(answer.taskClass()));
        }
        Optional<Route> current = Optional.ofNullable(state.routes().get(answer.taskClass()));
        if (current.isEmpty() || current.get().state() != RouteState.AWAITING_CONSENT) {
            return Optional.of(new Refusal.NoOpenQuestion(answer.taskClass(), current.map(Route::state)));
        }
        return Optional.empty();
    }

    /** The routing inputs once the change is made; the routes are those stored before it. */
    RoutingSnapshot after(ProposedChange change, RoutingSnapshot state) {
        Availability availability = state.availability();
        Map<TaskClassId, RouteOverride> overrides = new HashMap<>(state.overrides());
        Map<TaskClassId, ConsentRecord> consents = new HashMap<>(state.consents());
        if (change instanceof ProposedChange.Disable disable) {
            availability = toggled(availability, disable.targets(), false);
        } else if (change instanceof ProposedChange.Enable enable) {
            availability = toggled(availability, enable.targets(), true);
        } else if (change instanceof ProposedChange.Reroute reroute) {
            reroute.override().ifPresentOrElse(value -> overrides.put(reroute.taskClass(), value),
                    () -> overrides.remove(reroute.taskClass()));
        } else {
            ProposedChange.Answer answer = (ProposedChange.Answer) change;
            Route current = state.routes().get(answer.taskClass());
            consents.put(answer.taskClass(), new ConsentRecord(answer.taskClass(), current.offered().orElseThrow(),
                    answer.answer()));
        }
        return new RoutingSnapshot(availability, overrides, consents, state.routes());
    }

    /** The verdict on one model from its evidence. */
    public ModelHealthVerdict health(ModelEvidence evidence) {
        Optional<ModelEvidence.Traffic> traffic = evidence.gateway()
                .filter(numbers -> numbers.requests() >= detection.minRequests());
        if (!evidence.firing().isEmpty() || traffic.filter(t -> t.errorRate() >= detection.openErrorRate()).isPresent()) {
            return ModelHealthVerdict.FAILING;
        }
        return traffic.filter(t -> t.errorRate() < detection.closeErrorRate()).isPresent()
                ? ModelHealthVerdict.HEALTHY : ModelHealthVerdict.UNKNOWN;
    }

    private Optional<Refusal> unknownTargets(List<Target> targets) {
        if (targets.isEmpty()) {
            return Optional.of(new Refusal.NothingNamed());
        }
        List<Target> unknown = targets.stream().filter(target -> !known(target)).toList();
        return unknown.isEmpty() ? Optional.empty() : Optional.of(new Refusal.UnknownTargets(unknown));
    }

    private boolean known(Target target) {
        return target.fold(id -> catalog.provider(id).isPresent(), id -> catalog.model(id).isPresent());
    }

    private static Availability toggled(Availability availability, List<Target> targets, boolean available) {
        Availability next = availability;
        for (Target target : targets) {
            Availability current = next;
            next = target.fold(provider -> current.withProvider(provider, available),
                    model -> current.withModel(model, available));
        }
        return next;
    }

    private List<FlagChange> flags(RoutingSnapshot before, RoutingSnapshot after,
                                   Map<TaskClassId, Route> plannedBefore, Map<TaskClassId, Route> planned) {
        Map<String, FlagChange> changes = new TreeMap<>();
        for (Provider provider : catalog.providers()) {
            flag(changes, "provider." + provider.id() + ".enabled",
                    before.availability().isAvailable(provider.id()), after.availability().isAvailable(provider.id()));
        }
        for (Model model : catalog.models()) {
            flag(changes, "model." + model.id() + ".enabled", before.availability().isUsable(model.id(), catalog),
                    after.availability().isUsable(model.id(), catalog));
        }
        for (TaskClass taskClass : catalog.taskClasses()) {
            Route was = Optional.ofNullable(before.routes().get(taskClass.id()))
                    .orElse(plannedBefore.get(taskClass.id()));
            flag(changes, "route." + taskClass.id(), was.flagValue(), planned.get(taskClass.id()).flagValue());
        }
        return List.copyOf(changes.values());
    }

    private static void flag(Map<String, FlagChange> changes, String key, Object before, Object after) {
        if (!before.equals(after)) {
            changes.put(key, new FlagChange(key, String.valueOf(before), String.valueOf(after)));
        }
    }

    private List<SwitchedOffModel> switchedOff(Availability before, Availability after,
                                               Map<ModelId, ModelEvidence> evidence) {
        List<SwitchedOffModel> models = new ArrayList<>();
        for (Model model : catalog.models()) {
            if (before.isUsable(model.id(), catalog) && !after.isUsable(model.id(), catalog)) {
                ModelEvidence known = evidence.getOrDefault(model.id(), ModelEvidence.none(model.id()));
                models.add(new SwitchedOffModel(model.id(), health(known), known.gateway(), known.firing()));
            }
        }
        return models;
    }

    private static Optional<ProposedChange.Disable> narrower(ProposedChange change, List<SwitchedOffModel> switchedOff) {
        if (!(change instanceof ProposedChange.Disable disable)
                || disable.targets().stream().noneMatch(target -> target instanceof Target.OfProvider)
                || switchedOff.stream().noneMatch(model -> model.health() == ModelHealthVerdict.FAILING)
                || switchedOff.stream().noneMatch(model -> model.health() == ModelHealthVerdict.HEALTHY)) {
            return Optional.empty();
        }
        TreeSet<Target> targets = new TreeSet<>();
        disable.targets().stream().filter(target -> target instanceof Target.OfModel).forEach(targets::add);
        switchedOff.stream().filter(model -> model.health() == ModelHealthVerdict.FAILING)
                .map(model -> Target.model(model.model())).forEach(targets::add);
        return Optional.of(new ProposedChange.Disable(List.copyOf(targets)));
    }
}
