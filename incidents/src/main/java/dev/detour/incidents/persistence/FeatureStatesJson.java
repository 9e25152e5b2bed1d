package dev.detour.incidents.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detour.incidents.catalog.EnumWords;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.support.FeatureState;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stored JSON of what a support post announced per feature: an object keyed by task class id, each value
 * {@code {"state": "fallback", "serving": "gpt-5"}} ({@code serving} left out while paused; {@code "coming-back":
 * true} while its usual model came back through a ramp, left out otherwise). A state or id that
 * no longer parses (the catalog changed since) is left out when read.
 */
final class FeatureStatesJson {
    private final ObjectMapper mapper = new ObjectMapper();

    String write(Map<TaskClassId, FeatureState> features) {
        ObjectNode json = mapper.createObjectNode();
        new TreeMap<>(features).forEach((id, state) -> {
            ObjectNode feature = json.putObject(id.value()).put("state", state.state().word());
            state.serving().ifPresent(model -> feature.put("serving", model.value()));
            if (state.comingBack()) {
                feature.put("coming-back", true);
            }
        });
        return json.toString();
    }

    Map<TaskClassId, FeatureState> read(String text) {
        JsonNode json;
        try {
            json = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("support_post.features is not JSON: " + e.getOriginalMessage(), e);
        }
        Map<TaskClassId, FeatureState> features = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Optional<RouteState> state = EnumWords.parse(RouteState.values(), field.getValue().path("state").asText());
            Optional<ModelId> serving = Optional.ofNullable(field.getValue().get("serving"))
                    .map(JsonNode::asText).map(ModelId::new);
            boolean comingBack = field.getValue().path("coming-back").asBoolean(false);
            state.ifPresent(value -> features.put(new TaskClassId(field.getKey()), new FeatureState(value, serving,
                    comingBack)));
        }
        return features;
    }
}
