package dev.detour.notifications.flags;

import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Sink;
import dev.detour.incidents.lifecycle.Job;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves each LiteLLM sink's {@code models} map through the proxy's {@code GET /model/info} at start and every
 * five minutes, so a name that matches no deployment shows in {@code /api/status} ({@code unresolved}) and the log
 * before a switch-off needs it. A push resolves the names again itself: this is for people, not for delivery
 * (docs/flags.md, "LiteLLM proxy sink").
 */
@Singleton
public class LiteLlmMappings {
    private static final Logger LOG = LoggerFactory.getLogger(LiteLlmMappings.class);

    private final List<Sink.LiteLlm> sinks;
    private final Secrets secrets;
    private final LiteLlmProxy proxy;
    private final Map<String, List<String>> unresolved = new ConcurrentHashMap<>();
    private final LiteLlmLimits limits;

    public LiteLlmMappings(DetourConfig config, Secrets secrets, LiteLlmSettings settings, LiteLlmLimits limits) {
        this.limits = limits;
        this.sinks = config.sinks().stream().filter(Sink.LiteLlm.class::isInstance).map(Sink.LiteLlm.class::cast)
                .toList();
        this.secrets = secrets;
        this.proxy = new LiteLlmProxy(settings.timeout());
    }

    /** The mapped names no deployment carried when last read; empty when all resolved or not read yet. */
    public List<String> unresolved(String sink) {
        return unresolved.getOrDefault(sink, List.of());
    }

    @Job("litellm-mappings")
    @Scheduled(fixedDelay = "${detour.flags.litellm.resolve-every:5m}", initialDelay = "${detour.outbox.first-poll:1s}")
    public void poll() {
        sinks.forEach(this::resolve);
    }

    /** @return the names of the sink's map that match no deployment now; empty when the proxy cannot be read */
    Optional<List<String>> resolve(Sink.LiteLlm sink) {
        Optional<String> key = secrets.get(sink.secretEnv());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<LiteLlmProxy.Deployment> deployments = proxy.modelInfo(sink.url(), key.get());
            List<String> missing = new ArrayList<>();
            Map<ModelId, List<LiteLlmProxy.Deployment>> mapped = new LinkedHashMap<>();
            for (Map.Entry<ModelId, List<String>> entry : sink.models().entrySet()) {
                List<String> ids = LiteLlmPusher.resolve(entry.getValue(), deployments);
                mapped.put(entry.getKey(), deployments.stream().filter(deployment -> ids.contains(deployment.id()))
                        .toList());
                for (String name : entry.getValue()) {
                    if (LiteLlmPusher.resolve(List.of(name), deployments).isEmpty()) {
                        missing.add(name);
                    }
                }
            }
            if (!missing.isEmpty()) {
                LOG.warn("LiteLLM sink '{}': no deployment is named {} (model_name or model_info.id)", sink.name(),
                        missing);
            }
            unresolved.put(sink.name(), List.copyOf(missing));
            limits.configBased(sink.name(), mapped); // for the preview of a change: block those in config.yaml
            return Optional.of(missing);
        } catch (IOException e) {
            LOG.warn("LiteLLM sink '{}': cannot read GET /model/info: {}", sink.name(), e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
