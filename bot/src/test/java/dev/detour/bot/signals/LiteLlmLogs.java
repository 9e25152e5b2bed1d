package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * LiteLLM's own standard logging payload ({@code litellm/README.md} in the test resources names its source), for
 * a model of the test catalog, succeeded or failed as LiteLLM reports it, in each of the callback's formats.
 */
final class LiteLlmLogs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LiteLlmLogs() {
    }

    private static ObjectNode sample() {
        try (InputStream in = LiteLlmLogs.class.getResourceAsStream("/litellm/standard_logging_payload.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode success(String model) {
        ObjectNode log = sample();
        log.put("model", model);
        return log;
    }

    /** A failed call as LiteLLM logs it: {@code error_code} is the status as text ("" when it had none). */
    static ObjectNode failure(String model, String errorCode, String errorClass) {
        ObjectNode log = sample();
        log.put("model", model);
        log.put("status", "failure");
        log.putNull("response");
        log.put("error_str", "litellm." + errorClass + ": provider said no");
        ObjectNode error = (ObjectNode) log.get("error_information");
        error.put("error_code", errorCode);
        error.put("error_class", errorClass);
        error.put("llm_provider", "openai");
        error.put("error_message", "litellm." + errorClass + ": provider said no");
        return log;
    }

    /** {@code log_format: json_array}: one JSON array per flush. */
    static String jsonArray(List<ObjectNode> logs) {
        return logs.stream().map(ObjectNode::toString).collect(Collectors.joining(",", "[", "]"));
    }

    /** {@code log_format: ndjson}: one payload per line, joined by "\n" as LiteLLM does. */
    static String ndjson(List<ObjectNode> logs) {
        return logs.stream().map(ObjectNode::toString).collect(Collectors.joining("\n"));
    }

    /** {@code log_format: single}: one payload per request. */
    static String single(ObjectNode log) {
        return log.toPrettyString();
    }
}
