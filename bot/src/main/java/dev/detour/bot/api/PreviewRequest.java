package dev.detour.bot.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.routing.RouteOverride;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the body of {@code POST /api/preview} (docs/api.md) into a {@link ProposedChange}. The body's shape is
 * checked here; whether its ids exist is left to the preview, which refuses unknown ones as the change would.
 */
final class PreviewRequest {
    /** Larger bodies are refused before they are parsed. */
    static final int MAX_BYTES = 16 * 1024;
    private static final Set<String> ACTIONS = Set.of("disable", "enable", "route", "consent");

    private final Catalog catalog;
    private final ObjectMapper json;

    PreviewRequest(Catalog catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    /** @throws ApiProblem 400 for a body that is not such a change, 413 for one over {@link #MAX_BYTES} */
    ProposedChange read(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiProblem.badRequest("the body is empty: send a change as JSON, e.g."
                    + " {\"action\": \"disable\", \"targets\": [\"anthropic\"]}");
        }
        if (body.length > MAX_BYTES) {
            throw new ApiProblem(io.micronaut.http.HttpStatus.REQUEST_ENTITY_TOO_LARGE, "request_entity_too_large",
                    "the body has " + body.length + " bytes; a change is at most " + MAX_BYTES);
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw ApiProblem.badRequest(JsonProblems.describe(e));
        }
        if (root == null || !root.isObject()) {
            throw ApiProblem.badRequest("the body must be a JSON object with an \"action\"");
        }
        String action = text(root, "action");
        return switch (action) {
            case "disable" -> new ProposedChange.Disable(targets(root));
            case "enable" -> new ProposedChange.Enable(targets(root));
            case "route" -> new ProposedChange.Reroute(taskClass(root), override(text(root, "to")));
            case "consent" -> new ProposedChange.Answer(taskClass(root), ConsentAnswer.fromWord(text(root, "answer"))
                    .orElseThrow(() -> ApiProblem.badRequest("\"answer\" must be \"approve\" or \"deny\"")));
            default -> throw ApiProblem.badRequest("\"action\" must be one of " + String.join(", ",
                    ACTIONS.stream().sorted().toList()) + ", not \"" + shown(action) + "\"");
        };
    }

    private List<Target> targets(JsonNode root) {
        JsonNode list = root.get("targets");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ApiProblem.badRequest("\"targets\" must be a list of provider or model ids, at least one");
        }
        List<Target> targets = new ArrayList<>();
        for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
            JsonNode element = it.next();
            if (!element.isTextual()) {
                throw ApiProblem.badRequest("\"targets\" must hold ids as strings");
            }
            targets.add(target(element.textValue()));
        }
        return targets.stream().distinct().toList();
    }

    /** A provider or model of the catalog; any other valid id is kept as a model the preview will refuse. */
    private Target target(String id) {
        try {
            ProviderId provider = ProviderId.of(id);
            if (catalog.provider(provider).isPresent()) {
                return Target.provider(provider);
            }
            return Target.model(ModelId.of(id));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("\"" + shown(id) + "\" is not a valid id (lowercase letters, digits, '.', '_',"
                    + " '-', at most 64)");
        }
    }

    private TaskClassId taskClass(JsonNode root) {
        String id = text(root, "taskClass");
        try {
            return TaskClassId.of(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("\"" + shown(id) + "\" is not a valid task class id");
        }
    }

    private static Optional<RouteOverride> override(String to) {
        if (to.equals("auto")) {
            return Optional.empty();
        }
        if (to.equals("stop")) {
            return Optional.of(new RouteOverride.Stop());
        }
        try {
            return Optional.of(new RouteOverride.Pin(ModelId.of(to)));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("\"to\" must be a model id, \"stop\" or \"auto\", not \"" + shown(to) + "\"");
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            throw ApiProblem.badRequest("\"" + field + "\" is missing or not a string");
        }
        return node.textValue();
    }

    /** At most 64 characters of what was sent, for an error message. */
    private static String shown(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
