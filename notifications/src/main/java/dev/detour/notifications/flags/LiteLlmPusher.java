package dev.detour.notifications.flags;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Sink;
import dev.detour.incidents.outbox.OutboxEntry;
import dev.detour.incidents.preview.UnblockableDeployment;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Blocks or unblocks the LiteLLM deployments a change maps to, then reads {@code GET /model/info} and settles only
 * when every one of them shows the wanted {@code blocked}: LiteLLM can answer non-2xx though the write landed, and
 * other proxy pods reload later (docs/flags.md, "LiteLLM proxy sink"). 400 (a deployment from LiteLLM's
 * config.yaml), 401/403 (not a proxy admin) and 404 are permanent; an unreachable proxy or 5xx is retried.
 */
@Singleton
public class LiteLlmPusher {
    private final Secrets secrets;
    private final Clock clock;
    private final LiteLlmProxy proxy;
    private final Duration verifyFor;
    private final LiteLlmLimits limits;

    public LiteLlmPusher(Secrets secrets, Clock clock, LiteLlmSettings settings, LiteLlmLimits limits) {
        this.limits = limits;
        this.secrets = secrets;
        this.clock = clock;
        this.proxy = new LiteLlmProxy(settings.timeout());
        this.verifyFor = settings.verifyFor();
    }

    LiteLlmOutcome push(Sink.LiteLlm sink, OutboxEntry row) {
        Optional<String> key = secrets.get(sink.secretEnv());
        if (key.isEmpty()) {
            return LiteLlmOutcome.refused("the environment variable " + sink.secretEnv() + " (the proxy admin key of"
                    + " sink '" + sink.name() + "') is not set");
        }
        LiteLlmChange change = LiteLlmChange.fromJson(row.payload());
        try {
            List<LiteLlmProxy.Deployment> before = proxy.modelInfo(sink.url(), key.get());
            Map<LiteLlmChange.ModelState, List<String>> wanted = new LinkedHashMap<>();
            for (LiteLlmChange.ModelState state : change.models()) {
                List<String> ids = resolve(sink.models().getOrDefault(state.model(), List.of()), before);
                if (ids.isEmpty()) {
                    return LiteLlmOutcome.refused("no deployment on the proxy is named " + String.join(", ",
                            sink.models().getOrDefault(state.model(), List.of())) + " (model_name or model_info.id)");
                }
                wanted.put(state, ids);
            }
            List<String> refusals = new ArrayList<>();
            for (Map.Entry<LiteLlmChange.ModelState, List<String>> entry : wanted.entrySet()) {
                boolean blocked = entry.getKey().blocked();
                for (String id : entry.getValue()) {
                    if (isBlocked(before, id) == blocked) {
                        continue; // already as wanted: a retry after a write that landed
                    }
                    LiteLlmProxy.Answer answer = proxy.setBlocked(sink.url(), key.get(), id, blocked, change.changedBy());
                    learn(sink, entry.getKey().model(), id, answer);
                    if (permanent(answer.status())) {
                        refusals.add(id + ": HTTP " + answer.status()
                                + (answer.message().isEmpty() ? "" : " " + answer.message()));
                    }
                    // Any other non-2xx: the write may have landed all the same; the read-back decides.
                }
            }
            if (!refusals.isEmpty()) {
                return LiteLlmOutcome.refused(String.join("; ", refusals));
            }
            return verify(sink, key.get(), wanted, row);
        } catch (LiteLlmProxy.ProxyRefused refused) {
            return permanent(refused.status()) ? LiteLlmOutcome.refused("GET /model/info: " + refused.getMessage())
                    : LiteLlmOutcome.down(refused.getMessage());
        } catch (IOException e) {
            return LiteLlmOutcome.down(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LiteLlmOutcome.notYet("interrupted");
        }
    }

    private LiteLlmOutcome verify(Sink.LiteLlm sink, String key, Map<LiteLlmChange.ModelState, List<String>> wanted,
                                  OutboxEntry row) throws IOException, InterruptedException {
        List<LiteLlmProxy.Deployment> after = proxy.modelInfo(sink.url(), key);
        int pending = 0;
        int total = 0;
        List<LiteLlmOutcome.ModelCount> counts = new ArrayList<>();
        for (Map.Entry<LiteLlmChange.ModelState, List<String>> entry : wanted.entrySet()) {
            for (String id : entry.getValue()) {
                total++;
                if (isBlocked(after, id) != entry.getKey().blocked()) {
                    pending++;
                }
            }
            counts.add(new LiteLlmOutcome.ModelCount(entry.getKey().model(), entry.getValue().size(),
                    entry.getKey().blocked(), entry.getKey().ramp(), sink.unblockAt()));
        }
        Instant now = clock.instant();
        if (pending == 0) {
            return LiteLlmOutcome.verified(counts, now);
        }
        String error = pending + " of " + total + " deployments do not show the change in GET /model/info yet";
        if (row.createdAt() != null && Duration.between(row.createdAt(), now).compareTo(verifyFor) > 0) {
            return LiteLlmOutcome.notVerified(error);
        }
        return LiteLlmOutcome.notYet(error);
    }

    /** The deployment ids named by the sink's values: each matches a {@code model_info.id} or a {@code model_name}. */
    static List<String> resolve(List<String> names, List<LiteLlmProxy.Deployment> deployments) {
        List<String> ids = new ArrayList<>();
        for (LiteLlmProxy.Deployment deployment : deployments) {
            if (!deployment.id().isEmpty() && (names.contains(deployment.id())
                    || names.contains(deployment.modelName())) && !ids.contains(deployment.id())) {
                ids.add(deployment.id());
            }
        }
        return ids;
    }

    /** What the answer says about blocking the deployment, kept for the preview of a change. */
    private void learn(Sink.LiteLlm sink, ModelId model, String id, LiteLlmProxy.Answer answer) {
        if (answer.ok()) {
            limits.changed(sink.name(), id);
        } else if (answer.status() == 400 && answer.message().toLowerCase(java.util.Locale.ROOT)
                .contains("config-based")) {
            limits.refused(sink.name(), model, id, UnblockableDeployment.Reason.CONFIG_BASED);
        } else if (answer.status() == 401 || answer.status() == 403) {
            limits.refused(sink.name(), model, id, UnblockableDeployment.Reason.NOT_ALLOWED);
        }
    }

    private static boolean isBlocked(List<LiteLlmProxy.Deployment> deployments, String id) {
        return deployments.stream().anyMatch(deployment -> deployment.id().equals(id) && deployment.blocked());
    }

    private static boolean permanent(int status) {
        return status == 400 || status == 401 || status == 403 || status == 404;
    }

    /** For the model map check: the ids it names that the proxy lists now. */
    static Map<ModelId, List<String>> resolved(Sink.LiteLlm sink, List<LiteLlmProxy.Deployment> deployments) {
        Map<ModelId, List<String>> resolved = new LinkedHashMap<>();
        sink.models().forEach((model, names) -> resolved.put(model, resolve(names, deployments)));
        return resolved;
    }
}
