package dev.detour.incidents;

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
 * The shape of {@code messages}' {@code BigCatalog} for the domain's tests: 4 providers of 10 models each
 * ({@code provider-P}, {@code model-P-M}) and 30 task classes ({@code task-T}) whose failover modes take turns
 * (auto, consent, stop). Task {@code T} starts on {@code model-(T/10)-(T%10)} and falls back to
 * {@code model-3-(T%10)}; its consent timeout is 26h05m, its on-timeout answer deny for even {@code T}.
 */
public final class FortyModelCatalog {
    public static final int PROVIDERS = 4;
    public static final int MODELS_EACH = 10;
    public static final int TASK_CLASSES = 30;
    public static final Duration CONSENT_TIMEOUT = Duration.ofHours(26).plusMinutes(5);

    private FortyModelCatalog() {
    }

    public static ProviderId provider(int p) {
        return ProviderId.of("provider-" + p);
    }

    public static ModelId model(int p, int m) {
        return ModelId.of("model-" + p + "-" + m);
    }

    public static TaskClassId task(int t) {
        return TaskClassId.of("task-" + t);
    }

    public static Catalog catalog() {
        List<Provider> providers = new ArrayList<>();
        List<ModelId> models = new ArrayList<>();
        for (int p = 0; p < PROVIDERS; p++) {
            List<Model> own = new ArrayList<>();
            for (int m = 0; m < MODELS_EACH; m++) {
                own.add(new Model(model(p, m), provider(p), "Model " + p + "." + m));
                models.add(model(p, m));
            }
            providers.add(new Provider(provider(p), "Provider " + p, Optional.empty(), false, false, Map.of(), own));
        }
        int lastProvider = (PROVIDERS - 1) * MODELS_EACH;
        List<TaskClass> taskClasses = new ArrayList<>();
        for (int t = 0; t < TASK_CLASSES; t++) {
            List<ModelId> route = List.of(models.get(t % lastProvider), models.get(lastProvider + t % MODELS_EACH));
            taskClasses.add(new TaskClass(task(t), "Task " + t, route,
                    FailoverMode.values()[t % FailoverMode.values().length], CONSENT_TIMEOUT,
                    t % 2 == 0 ? ConsentAnswer.DENY : ConsentAnswer.APPROVE));
        }
        return new Catalog(providers, taskClasses);
    }
}
