package dev.detour.incidents.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The providers, models and task classes Detour knows, in config order. Lookups by id are constant time.
 * The config loader reports problems with file and line; the checks here only guard against bugs.
 */
public final class Catalog {
    private final List<Provider> providers;
    private final List<TaskClass> taskClasses;
    private final Map<ProviderId, Provider> providersById = new LinkedHashMap<>();
    private final Map<ModelId, Model> modelsById = new LinkedHashMap<>();
    private final Map<TaskClassId, TaskClass> taskClassesById = new LinkedHashMap<>();

    public Catalog(List<Provider> providers, List<TaskClass> taskClasses) {
        this.providers = List.copyOf(providers);
        this.taskClasses = List.copyOf(taskClasses);
        for (Provider provider : this.providers) {
            putUnique(providersById, provider.id(), provider, "provider");
            for (Model model : provider.models()) {
                if (!model.provider().equals(provider.id())) {
                    throw new IllegalArgumentException("model " + model.id() + " is listed under " + provider.id()
                            + " but belongs to " + model.provider());
                }
                putUnique(modelsById, model.id(), model, "model");
            }
        }
        for (TaskClass taskClass : this.taskClasses) {
            putUnique(taskClassesById, taskClass.id(), taskClass, "task class");
            for (ModelId step : taskClass.route()) {
                if (!modelsById.containsKey(step)) {
                    throw new IllegalArgumentException("task class " + taskClass.id() + " routes to unknown model "
                            + step);
                }
            }
        }
    }

    private static <K, V> void putUnique(Map<K, V> map, K key, V value, String kind) {
        if (map.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException("duplicate " + kind + " id " + key);
        }
    }

    public List<Provider> providers() {
        return providers;
    }

    public List<TaskClass> taskClasses() {
        return taskClasses;
    }

    /** Every model of every provider, in config order. */
    public List<Model> models() {
        return Collections.unmodifiableList(new ArrayList<>(modelsById.values()));
    }

    public Optional<Provider> provider(ProviderId id) {
        return Optional.ofNullable(providersById.get(id));
    }

    public Optional<Model> model(ModelId id) {
        return Optional.ofNullable(modelsById.get(id));
    }

    /**
     * The model a sender names as it spells it (a gateway or LiteLLM log): today only its exact id; an unknown or
     * malformed name is empty, never an exception (docs/signals.md).
     */
    public Optional<Model> modelNamed(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Model model : modelsById.values()) {
            if (model.id().value().equals(name)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }

    public Optional<TaskClass> taskClass(TaskClassId id) {
        return Optional.ofNullable(taskClassesById.get(id));
    }

    /** The provider serving a known model. */
    /** A provider is its own provider; a model's is the one that serves it. */
    public ProviderId providerOf(Target target) {
        return target.fold(provider -> provider, this::providerOf);
    }

    public ProviderId providerOf(ModelId model) {
        Model found = modelsById.get(model);
        if (found == null) {
            throw new IllegalArgumentException("unknown model " + model);
        }
        return found.provider();
    }

    /** How a known target comes back when enabled: a model's own policy, else its provider's (docs/recovery.md). */
    public RecoveryPolicy recoveryOf(Target target) {
        return target.fold(provider -> provider(provider).orElseThrow().recovery(),
                model -> model(model).orElseThrow().recovery()
                        .orElseGet(() -> provider(providerOf(model)).orElseThrow().recovery()));
    }
}
