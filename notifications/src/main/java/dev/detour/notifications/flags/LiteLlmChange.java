package dev.detour.notifications.flags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detour.incidents.catalog.ModelId;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one change asks of a LiteLLM sink, as its outbox row carries it (JSON, written and read only here):
 * each mapped model that moved, and whether its deployments are to be blocked; {@code changedBy} is the Detour
 * actor, sent as {@code litellm-changed-by}.
 */
record LiteLlmChange(String changedBy, List<ModelState> models) {
    private static final ObjectMapper JSON = new ObjectMapper();

    LiteLlmChange {
        Objects.requireNonNull(changedBy, "changedBy");
        models = List.copyOf(models);
    }

    /**
     * @param ramp while the model ramps back (docs/recovery.md): the ramp's share in percent at this change
     */
    record ModelState(ModelId model, boolean blocked, Optional<Integer> ramp) {
        ModelState {
            Objects.requireNonNull(ramp, "ramp");
        }

        ModelState(ModelId model, boolean blocked) {
            this(model, blocked, Optional.empty());
        }
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode().put("changedBy", changedBy);
        ArrayNode list = root.putArray("models");
        models.forEach(state -> {
            ObjectNode model = list.addObject().put("model", state.model().value()).put("blocked", state.blocked());
            state.ramp().ifPresent(percent -> model.put("rampPercent", percent));
        });
        return root.toString();
    }

    static LiteLlmChange fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<ModelState> models = new ArrayList<>();
            for (JsonNode model : root.path("models")) {
                Optional<Integer> ramp = model.path("rampPercent").isInt()
                        ? Optional.of(model.path("rampPercent").asInt()) : Optional.empty();
                models.add(new ModelState(ModelId.of(model.path("model").asText()), model.path("blocked").asBoolean(),
                        ramp));
            }
            return new LiteLlmChange(root.path("changedBy").asText("detour"), models);
        } catch (IOException e) {
            throw new IllegalStateException("a LiteLLM row holds no JSON; Detour wrote it itself", e);
        }
    }
}
