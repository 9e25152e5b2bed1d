package dev.detour.bot.ofrep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.detour.incidents.flags.FlagSet;

import java.io.IOException;
import java.util.Optional;

/**
 * An OFREP evaluation body as read once: a problem ("PARSE_ERROR: ..." or "INVALID_CONTEXT: ..."), or the context
 * (an object, or missing). The controller and the fast path ({@link OfrepFastPath}) read bodies with this one
 * class, so they accept and refuse exactly the same bodies.
 */
record OfrepRequest(Optional<String> problem, JsonNode context) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static OfrepRequest read(String body) {
        if (body == null || body.isBlank()) {
            return new OfrepRequest(Optional.empty(), MissingNode.getInstance());
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return failed("PARSE_ERROR: the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            return failed("PARSE_ERROR: the body must be a JSON object, e.g. {\"context\":{}}");
        }
        JsonNode context = root.path("context");
        if (!context.isMissingNode() && !context.isNull() && !context.isObject()) {
            return failed("INVALID_CONTEXT: \"context\" must be an object");
        }
        return new OfrepRequest(Optional.empty(), context);
    }

    private static OfrepRequest failed(String problem) {
        return new OfrepRequest(Optional.of(problem), MissingNode.getInstance());
    }

    /**
     * The context's {@code targetingKey} when it is a string and some flag is split by it; otherwise empty
     * (no flag depends on it, so it is not looked at).
     */
    Optional<String> targetingKey(FlagSet current) {
        if (!current.splits()) {
            return Optional.empty();
        }
        JsonNode key = context.path("targetingKey");
        return key.isTextual() ? Optional.of(key.textValue()) : Optional.empty();
    }

    String errorCode() {
        String text = problem.orElseThrow();
        return text.substring(0, text.indexOf(':'));
    }

    String detail() {
        String text = problem.orElseThrow();
        return text.substring(text.indexOf(':') + 2);
    }
}
