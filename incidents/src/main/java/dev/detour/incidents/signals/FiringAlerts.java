package dev.detour.incidents.signals;

import dev.detour.incidents.catalog.ModelId;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Alertmanager alerts about one model that fire now, by alert (its fingerprint, or its labels without one):
 * a firing alert adds it, a resolved one removes it. A change's preview reads it as per-model evidence
 * (docs/routing.md, "Scope from evidence"). Alerts about a whole provider are not per-model evidence and are not
 * kept. Alertmanager repeats a firing alert, so a replica that restarts learns it again with the next repeat.
 */
public final class FiringAlerts {
    /** At most this many alerts are kept; the oldest goes first (an alert whose resolution was lost, say). */
    public static final int LIMIT = 4096;

    private final Map<String, ModelId> firing = new LinkedHashMap<>();

    /** A firing ({@code true}) or resolved alert about {@code model}. */
    public synchronized void alert(String alert, ModelId model, boolean isFiring) {
        if (isFiring) {
            firing.remove(alert);
            firing.put(alert, model);
            while (firing.size() > LIMIT) {
                firing.remove(firing.keySet().iterator().next());
            }
        } else {
            firing.remove(alert);
        }
    }

    /** Whether {@code alert} (its fingerprint, or its labels without one) fires now. */
    public synchronized boolean fires(String alert) {
        return firing.containsKey(alert);
    }

    /** The models with at least one firing alert. */
    public synchronized Set<ModelId> firingModels() {
        Set<ModelId> models = new TreeSet<>(Comparator.comparing(ModelId::value));
        models.addAll(firing.values());
        return models;
    }
}
