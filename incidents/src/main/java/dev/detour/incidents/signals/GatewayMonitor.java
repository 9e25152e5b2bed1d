package dev.detour.incidents.signals;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.DetectionSettings;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The org's own gateway outcomes per model, in memory, bounded by the catalog: counts them in sliding windows
 * and says when a model becomes suspect or healthy again (provider side) or when our own credentials are
 * refused (our side). Thread-safe; each model has its own lock, so batches for different models do not wait on
 * each other.
 */
public final class GatewayMonitor {
    public static final String SOURCE = "gateway";

    private final DetectionSettings settings;
    private final Map<ModelId, ModelState> models = new HashMap<>();
    /** What the other replicas counted, per model: replaced as a whole each time they are read. */
    private volatile Map<ModelId, List<SecondCounts>> elsewhere = Map.of();

    public GatewayMonitor(Catalog catalog, DetectionSettings settings) {
        this.settings = settings;
        for (Model model : catalog.models()) {
            models.put(model.id(), new ModelState(new SlidingWindow(settings.window(), settings.p95LatencyMs()),
                    new ModelHealth(settings)));
        }
    }

    /** Counts one outcome at {@code now}; unknown models are the caller's to refuse. */
    public void record(ModelId model, boolean ok, int status, long latencyMs, Instant now) {
        ModelState state = models.get(model);
        if (state == null) {
            throw new IllegalArgumentException("unknown model " + model);
        }
        OutcomeClass outcome = OutcomeClass.of(ok, status);
        synchronized (state) {
            state.window.add(now.getEpochSecond(), outcome, Math.max(0, latencyMs));
        }
    }

    /** The signals that the numbers of {@code model} give now: usually none. */
    public List<Signal> evaluate(ModelId model, Instant now) {
        ModelState state = models.get(model);
        if (state == null) {
            return List.of();
        }
        List<Signal> signals = new ArrayList<>(1);
        synchronized (state) {
            WindowStats stats = state.window.stats(now.getEpochSecond(), elsewhere.getOrDefault(model, List.of()));
            state.health.evaluate(stats, now).ifPresent(change -> signals.add(providerSignal(model, change, now)));
            ourSide(model, state, stats, now).ifPresent(signals::add);
        }
        return signals;
    }

    /** Every model, for the regular check that notices recovery when no batch arrives to trigger it. */
    public List<Signal> evaluateAll(Instant now) {
        List<Signal> signals = new ArrayList<>();
        for (ModelId model : models.keySet()) {
            signals.addAll(evaluate(model, now));
        }
        return signals;
    }

    /** A person switched {@code model} (or its provider) on or off: a flapping hold on it ends. */
    public void release(ModelId model) {
        ModelState state = models.get(model);
        if (state != null) {
            synchronized (state) {
                state.health.release();
            }
        }
    }

    public Optional<WindowStats> stats(ModelId model, Instant now) {
        ModelState state = models.get(model);
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            return Optional.of(state.window.stats(now.getEpochSecond(), elsewhere.getOrDefault(model, List.of())));
        }
    }

    /** This replica's counts of {@code model} for the seconds after {@code after} and before {@code before}. */
    public List<SecondCounts> completed(ModelId model, long after, long before) {
        ModelState state = models.get(model);
        if (state == null) {
            return List.of();
        }
        synchronized (state) {
            return state.window.completed(after, before);
        }
    }

    /** The other replicas' counts, which every evaluation from now on adds to this replica's own. */
    public void elsewhere(Map<ModelId, List<SecondCounts>> counts) {
        this.elsewhere = Map.copyOf(counts);
    }

    public java.util.Set<ModelId> models() {
        return java.util.Collections.unmodifiableSet(models.keySet());
    }

    public boolean isSuspect(ModelId model) {
        ModelState state = models.get(model);
        synchronized (state) {
            return state.health.isSuspect();
        }
    }

    private Signal providerSignal(ModelId model, ModelHealth.Change change, Instant now) {
        WindowStats stats = change.stats();
        SignalEvidence.GatewayNumbers numbers = numbers(stats);
        SignalEvidence evidence = change.suspect() ? new SignalEvidence.GatewayErrors(numbers, change.flapping())
                : new SignalEvidence.GatewayRecovered(numbers, settings.quietBeforeRecovery());
        boolean mostlyCapacity = stats.capacityErrors() > stats.providerErrors();
        Signal.Severity severity = stats.errorRate() >= 0.5 ? Signal.Severity.DOWN : Signal.Severity.DEGRADED;
        return new Signal(SOURCE, List.of(Target.model(model)), change.suspect(), severity,
                mostlyCapacity ? Signal.Side.CAPACITY : Signal.Side.PROVIDER, evidence, now);
    }

    /** Our credentials refused: simple open/close thresholds; never switches anything off. */
    private Optional<Signal> ourSide(ModelId model, ModelState state, WindowStats stats, Instant now) {
        boolean refused = stats.requests() >= settings.minRequests()
                && stats.ourSideRate() >= settings.openErrorRate();
        boolean fine = stats.requests() > 0 && stats.ourSideRate() < settings.closeErrorRate();
        if (refused && !state.ourSideFailing) {
            state.ourSideFailing = true;
            return Optional.of(new Signal(SOURCE, List.of(Target.model(model)), true, Signal.Severity.DEGRADED,
                    Signal.Side.OUR_SIDE, new SignalEvidence.OurSideRefused(stats.ourSideRate(), stats.requests()),
                    now));
        }
        if (fine && state.ourSideFailing) {
            state.ourSideFailing = false;
            return Optional.of(new Signal(SOURCE, List.of(Target.model(model)), false, Signal.Severity.DEGRADED,
                    Signal.Side.OUR_SIDE, new SignalEvidence.OurSideAccepted(), now));
        }
        return Optional.empty();
    }

    private SignalEvidence.GatewayNumbers numbers(WindowStats stats) {
        return new SignalEvidence.GatewayNumbers(stats.errorRate(), stats.providerErrors() + stats.capacityErrors(),
                stats.requests(), settings.window(), stats.capacityErrors(), stats.p95LatencyMs());
    }

    private static final class ModelState {
        final SlidingWindow window;
        final ModelHealth health;
        boolean ourSideFailing;

        ModelState(SlidingWindow window, ModelHealth health) {
            this.window = window;
            this.health = health;
        }
    }
}
