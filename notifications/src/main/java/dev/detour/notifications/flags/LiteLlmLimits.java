package dev.detour.notifications.flags;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.ports.UnblockableDeployments;
import dev.detour.incidents.preview.UnblockableDeployment;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each LiteLLM sink has learned it cannot block, kept as data for the preview of a change (docs/flags.md,
 * "LiteLLM proxy sink"): deployments from LiteLLM's {@code config.yaml} ({@code model_info.db_model} false in
 * {@code GET /model/info}, read at start and every 5 minutes, or a 400 "Cannot edit config-based model"), and those
 * its key may not block (401/403). Held in this replica's memory; a deployment blocked since is forgotten.
 */
@Singleton
public class LiteLlmLimits implements UnblockableDeployments {
    private record Key(String sink, String deployment) {
    }

    private final Map<Key, UnblockableDeployment> learned = new ConcurrentHashMap<>();

    @Override
    public List<UnblockableDeployment> of(Collection<ModelId> models) {
        List<UnblockableDeployment> found = new ArrayList<>(learned.values().stream()
                .filter(deployment -> models.contains(deployment.model())).toList());
        found.sort(Comparator.comparing(UnblockableDeployment::sink)
                .thenComparing(deployment -> deployment.model().value())
                .thenComparing(UnblockableDeployment::deployment));
        return found;
    }

    /** What {@code GET /model/info} says now of the sink's mapped deployments: config-based ones, replacing before. */
    void configBased(String sink, Map<ModelId, List<LiteLlmProxy.Deployment>> mapped) {
        learned.entrySet().removeIf(entry -> entry.getKey().sink().equals(sink)
                && entry.getValue().reason() == UnblockableDeployment.Reason.CONFIG_BASED);
        mapped.forEach((model, deployments) -> deployments.stream().filter(deployment -> !deployment.inDatabase())
                .forEach(deployment -> refused(sink, model, deployment.id(),
                        UnblockableDeployment.Reason.CONFIG_BASED)));
    }

    void refused(String sink, ModelId model, String deployment, UnblockableDeployment.Reason reason) {
        learned.put(new Key(sink, deployment), new UnblockableDeployment(sink, model, deployment, reason));
    }

    /** The proxy took a block or unblock of the deployment: whatever stood in the way is gone. */
    void changed(String sink, String deployment) {
        learned.remove(new Key(sink, deployment));
    }
}
