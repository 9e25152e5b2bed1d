package dev.detour.messages;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.FailoverMode;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog far larger than any real one, with display names longer than any button or menu option can show: by
 * default 4 providers of 10 models each and 30 task classes, whose failover modes take turns (auto, consent,
 * stop). Every task class starts on a model of the other providers and falls back to one of the last provider.
 */
final class BigCatalog {
    static final int PROVIDERS = 4;
    static final int MODELS_EACH = 10;
    static final int TASK_CLASSES = 30;
    static final String LONG = "An unusually long display name that goes on and on ".repeat(3);

    private BigCatalog() {
    }

    static Catalog catalog() {
        return catalog(PROVIDERS, MODELS_EACH, TASK_CLASSES);
    }

    static Catalog catalog(int providerCount, int modelsEach, int taskClassCount) {
        List<Provider> providers = new ArrayList<>();
        List<ModelId> models = new ArrayList<>();
        for (int p = 0; p < providerCount; p++) {
            ProviderId provider = ProviderId.of("provider-" + p);
            List<Model> own = new ArrayList<>();
            for (int m = 0; m < modelsEach; m++) {
                ModelId model = ModelId.of("model-" + p + "-" + m);
                own.add(new Model(model, provider, LONG + p + "." + m));
                models.add(model);
            }
            providers.add(new Provider(provider, "Provider " + p + " " + LONG, Optional.empty(), false, false,
                    Map.of(), own));
        }
        int lastProvider = (providerCount - 1) * modelsEach;
        List<TaskClass> taskClasses = new ArrayList<>();
        for (int t = 0; t < taskClassCount; t++) {
            List<ModelId> route = List.of(models.get(t % lastProvider), models.get(lastProvider + t % modelsEach));
            taskClasses.add(new TaskClass(TaskClassId.of("task-" + t), "Task " + t + " " + LONG, route,
                    FailoverMode.values()[t % FailoverMode.values().length], Duration.ofHours(26).plusMinutes(5),
                    t % 2 == 0 ? ConsentAnswer.DENY : ConsentAnswer.APPROVE));
        }
        return new Catalog(providers, taskClasses);
    }
}
