package dev.detour.incidents.preview;

import dev.detour.incidents.catalog.ModelId;

import java.util.Objects;

/**
 * A gateway deployment of a model that a push sink has learned it cannot switch off (docs/flags.md, "LiteLLM proxy
 * sink"): listed in the preview of a change that switches the model off, so a person blocks it where it lives.
 *
 * @param sink       the sink's name in the config
 * @param deployment the gateway's id for the deployment ({@code model_info.id} for LiteLLM)
 */
public record UnblockableDeployment(String sink, ModelId model, String deployment, Reason reason) {
    public UnblockableDeployment {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(reason, "reason");
    }

    public enum Reason {
        /** Defined in the gateway's own config file (LiteLLM: {@code config.yaml}, answers 400): block it there. */
        CONFIG_BASED,
        /** The sink's key may not block it (LiteLLM: 401/403, not a proxy admin's key). */
        NOT_ALLOWED
    }
}
