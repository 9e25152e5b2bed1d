package dev.detour.incidents.flags;

import dev.detour.incidents.catalog.FailoverMode;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteState;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which flags split by targeting key while targets ramp (docs/flags.md, "While a target ramps"). A ramping target
 * is off in the status; for the keys in its share it counts as on: {@code provider.<id>.enabled} and
 * {@code model.<id>.enabled} read {@code true}, and {@code route.<class>} reads the route as it would be with the
 * target on. A model that needs two ramps (its own and its provider's) takes the smaller share.
 */
final class RampSplits {
    private final DetourStatus status;
    private final Map<ModelId, DetourStatus.ModelStatus> models = new HashMap<>();
    private final Map<ProviderId, DetourStatus.ProviderStatus> providers = new HashMap<>();

    RampSplits(DetourStatus status) {
        this.status = status;
        status.models().forEach(model -> models.put(model.id(), model));
        status.providers().forEach(provider -> providers.put(provider.id(), provider));
    }

    boolean none() {
        return status.ramps().isEmpty();
    }

    Optional<FlagSplit> provider(DetourStatus.ProviderStatus provider) {
        if (provider.available()) {
            return Optional.empty();
        }
        return status.rampOf(Target.provider(provider.id())).map(ramp -> enabled(ramp));
    }

    Optional<FlagSplit> model(DetourStatus.ModelStatus model) {
        if (model.usable()) {
            return Optional.empty();
        }
        return rampsMaking(model.id()).map(RampSplits::enabled);
    }

    /**
     * The route with the ramping targets on, when it differs from the current one. A person's override is kept
     * as it is, and a consent class moves only where an earlier approval already allows it (docs/routing.md).
     */
    Optional<FlagSplit> route(DetourStatus.TaskClassStatus taskClass) {
        RouteCause cause = taskClass.current().cause();
        if (none() || cause == RouteCause.OVERRIDE_PIN || cause == RouteCause.OVERRIDE_STOP
                || cause == RouteCause.PINNED_MODEL_UNAVAILABLE) {
            return Optional.empty();
        }
        List<ModelId> route = taskClass.route();
        for (ModelId model : route) {
            if (isUsable(model)) {
                return Optional.empty(); // the best model on is already usable without a ramp
            }
            Optional<RampShare> ramp = rampsMaking(model);
            if (ramp.isEmpty()) {
                continue;
            }
            boolean primary = model.equals(route.get(0));
            if (!primary && !fallsBackTo(taskClass)) {
                return Optional.empty();
            }
            RouteState state = primary ? RouteState.PRIMARY : RouteState.FALLBACK;
            String variant = state.word().equals(taskClass.current().state().word())
                    ? state.word() + "-ramping" : state.word();
            return Optional.of(new FlagSplit(ramp.get().percent(), ramp.get().step(), model.value(), variant));
        }
        return Optional.empty();
    }

    /** {@code rampPercent} and {@code rampStep}, for a split flag's metadata. */
    static Map<String, String> metadata(FlagSplit split) {
        return Map.of("rampPercent", Integer.toString(split.percent()), "rampStep", Integer.toString(split.step()));
    }

    private static boolean fallsBackTo(DetourStatus.TaskClassStatus taskClass) {
        // auto moves by itself; consent only when an approval of a worse model already covers a better one
        return taskClass.failover() == FailoverMode.AUTO
                || taskClass.failover() == FailoverMode.CONSENT && taskClass.current().state() == RouteState.FALLBACK;
    }

    private boolean isUsable(ModelId model) {
        return Optional.ofNullable(models.get(model)).map(DetourStatus.ModelStatus::usable).orElse(false);
    }

    /** The ramp (the smaller one when two are needed) that would make {@code model} usable, if ramps can. */
    private Optional<RampShare> rampsMaking(ModelId id) {
        DetourStatus.ModelStatus model = models.get(id);
        if (model == null) {
            return Optional.empty();
        }
        Optional<RampShare> own = status.rampOf(Target.model(id));
        Optional<RampShare> ofProvider = status.rampOf(Target.provider(model.provider()));
        boolean providerOn = Optional.ofNullable(providers.get(model.provider()))
                .map(DetourStatus.ProviderStatus::available).orElse(false);
        if (!model.available() && own.isEmpty() || !providerOn && ofProvider.isEmpty()) {
            return Optional.empty();
        }
        return Stream.of(model.available() ? Optional.<RampShare>empty() : own,
                        providerOn ? Optional.<RampShare>empty() : ofProvider)
                .flatMap(Optional::stream).min(Comparator.comparingInt(RampShare::percent));
    }

    private static FlagSplit enabled(RampShare ramp) {
        return new FlagSplit(ramp.percent(), ramp.step(), true, FlagSet.ON);
    }
}
