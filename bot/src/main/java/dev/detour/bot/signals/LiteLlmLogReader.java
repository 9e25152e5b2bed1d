package dev.detour.bot.signals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.api.JsonProblems;
import dev.detour.incidents.application.GatewaySignals;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.Sink;
import dev.detour.incidents.incident.TextLimits;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what LiteLLM's {@code generic_api} logging callback posts: its standard logging payloads, as a JSON array
 * ({@code log_format: json_array}), one per line ({@code ndjson}) or one per request ({@code single}). Each
 * payload becomes one gateway outcome or one refusal naming why (docs/signals.md, "LiteLLM callbacks"); one bad
 * payload never costs the good ones.
 */
final class LiteLlmLogReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUOTED = 40;

    /**
     * LiteLLM's exception classes that carry no status code in {@code error_information.error_code}, read as the
     * status LiteLLM maps them to; any other failure without a code is refused, never guessed to be the provider's.
     */
    private static final Map<String, Integer> STATUS_OF_ERROR_CLASS = Map.ofEntries(
            Map.entry("Timeout", 0), Map.entry("APITimeoutError", 0), Map.entry("APIConnectionError", 0),
            Map.entry("RateLimitError", 429), Map.entry("AuthenticationError", 401),
            Map.entry("PermissionDeniedError", 403), Map.entry("ServiceUnavailableError", 503),
            Map.entry("InternalServerError", 500), Map.entry("BadGatewayError", 502),
            Map.entry("BadRequestError", 400), Map.entry("NotFoundError", 404),
            Map.entry("ContextWindowExceededError", 400), Map.entry("ContentPolicyViolationError", 400),
            Map.entry("UnprocessableEntityError", 422));

    private final Catalog catalog;
    private final Map<String, Model> deployments;
    private final SignalTimes times;

    /**
     * @param sinks the config's sinks: a LiteLLM sink's {@code models} map (Detour model -> LiteLLM
     *              {@code model_name} or {@code model_info.id} values) also names the model of a payload whose
     *              {@code model_id} or {@code model} is one of those values
     */
    LiteLlmLogReader(Catalog catalog, List<Sink> sinks, Clock clock) {
        this.catalog = catalog;
        Map<String, Model> byDeployment = new HashMap<>();
        sinks.stream().filter(Sink.LiteLlm.class::isInstance).map(Sink.LiteLlm.class::cast)
                .forEach(sink -> sink.models().forEach((model, names) -> catalog.model(model).ifPresent(known ->
                        names.forEach(name -> byDeployment.putIfAbsent(name, known)))));
        this.deployments = Map.copyOf(byDeployment);
        this.times = new SignalTimes(clock);
    }

    LiteLlmLogReader(Catalog catalog, Clock clock) {
        this(catalog, List.of(), clock);
    }

    GatewayBatchReader.Batch read(byte[] body) throws GatewayBatchReader.MalformedBatch {
        List<GatewaySignals.Outcome> accepted = new ArrayList<>();
        List<GatewayBatchReader.Rejection> rejected = new ArrayList<>();
        int index = 0;
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new GatewayBatchReader.MalformedBatch("the body is empty: send LiteLLM's standard logging"
                        + " payloads as a JSON array, one per line, or one object");
            }
            while (token != null) {
                if (token == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        payload(parser, index++, accepted, rejected);
                    }
                } else {
                    payload(parser, index++, accepted, rejected);
                }
                token = parser.nextToken();
            }
        } catch (IOException e) {
            throw new GatewayBatchReader.MalformedBatch(JsonProblems.describe(e));
        }
        return new GatewayBatchReader.Batch(accepted, rejected);
    }

    private void payload(JsonParser parser, int index, List<GatewaySignals.Outcome> accepted,
                         List<GatewayBatchReader.Rejection> rejected) throws IOException,
            GatewayBatchReader.MalformedBatch {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new GatewayBatchReader.MalformedBatch("line " + parser.currentLocation().getLineNr() + ", column "
                    + parser.currentLocation().getColumnNr() + ": each log must be a JSON object (LiteLLM's"
                    + " standard logging payload)");
        }
        JsonNode log = parser.readValueAsTree();
        Optional<String> refusal = outcome(log, accepted);
        refusal.ifPresent(problem -> rejected.add(new GatewayBatchReader.Rejection(index, problem)));
    }

    /** Adds the log's outcome to {@code accepted}, or says why it does not count. */
    private Optional<String> outcome(JsonNode log, List<GatewaySignals.Outcome> accepted) {
        Optional<Model> model = deployed(log, "model_id").or(() -> named(log, "model"))
                .or(() -> deployed(log, "model")).or(() -> named(log, "model_group"));
        if (model.isEmpty()) {
            String model1 = named(text(log, "model"));
            String group = named(text(log, "model_group"));
            if (model1 == null && group == null) {
                return Optional.of("\"model\" is required");
            }
            return Optional.of("unknown model '" + TextLimits.clip(model1 != null ? model1 : group, QUOTED) + "'"
                    + (group != null && model1 != null && !group.equals(model1)
                    ? " (model_group '" + TextLimits.clip(group, QUOTED) + "')" : ""));
        }
        String status = text(log, "status");
        if (!"success".equals(status) && !"failure".equals(status)) {
            return Optional.of("\"status\" must be \"success\" or \"failure\", not "
                    + (status == null ? "absent" : "'" + TextLimits.clip(status, QUOTED) + "'"));
        }
        Optional<Instant> start = time(log.get("startTime"));
        Optional<Instant> end = time(log.get("endTime"));
        if (end.isEmpty() && log.hasNonNull("endTime")) {
            return Optional.of("\"endTime\" must be a time (epoch seconds or ISO-8601), not '"
                    + TextLimits.clip(log.get("endTime").asText(), QUOTED) + "'");
        }
        if (end.isPresent()) {
            Optional<String> implausible = times.refusal("endTime", end.get());
            if (implausible.isPresent()) {
                return implausible;
            }
        }
        long latencyMs = latencyMs(log, start, end);
        if (latencyMs < 0 || latencyMs > GatewaySignals.Outcome.MAX_LATENCY_MS) {
            return Optional.of("the request's duration must be 0 to " + GatewaySignals.Outcome.MAX_LATENCY_MS
                    + " ms, not " + latencyMs);
        }
        if (status.equals("success")) {
            accepted.add(new GatewaySignals.Outcome(model.get().id(), true, 200, latencyMs));
            return Optional.empty();
        }
        Optional<Integer> code = failureStatus(log.path("error_information"));
        if (code.isEmpty()) {
            return Optional.of("a failure needs error_information.error_code (an HTTP status) or a known"
                    + " error_class");
        }
        accepted.add(new GatewaySignals.Outcome(model.get().id(), false, code.get(), latencyMs));
        return Optional.empty();
    }

    /** The model a LiteLLM sink's map gives this deployment id or name (docs/signals.md, "LiteLLM callbacks"). */
    private Optional<Model> deployed(JsonNode log, String field) {
        String name = text(log, field);
        return name == null || name.isEmpty() ? Optional.empty() : Optional.ofNullable(deployments.get(name));
    }

    private Optional<Model> named(JsonNode log, String field) {
        String name = text(log, field);
        return name == null || name.isEmpty() ? Optional.empty() : catalog.modelNamed(name);
    }

    /** {@code error_code} as LiteLLM writes it ("429", 429, "" when none), else the status of the error class. */
    private static Optional<Integer> failureStatus(JsonNode error) {
        JsonNode code = error.get("error_code");
        if (code != null) {
            String text = code.asText("").strip();
            if (text.matches("\\d{3}")) {
                int status = Integer.parseInt(text);
                if (GatewaySignals.Outcome.isStatus(status)) {
                    return Optional.of(status);
                }
            }
        }
        String errorClass = text(error, "error_class");
        if (errorClass == null) {
            return Optional.empty();
        }
        String simple = errorClass.substring(errorClass.lastIndexOf('.') + 1);
        return Optional.ofNullable(STATUS_OF_ERROR_CLASS.get(simple));
    }

    /** {@code response_time} (seconds) when given, else end minus start, else 0. */
    private static long latencyMs(JsonNode log, Optional<Instant> start, Optional<Instant> end) {
        JsonNode responseTime = log.get("response_time");
        if (responseTime != null && responseTime.isNumber()) {
            return Math.round(responseTime.asDouble() * 1000);
        }
        if (start.isPresent() && end.isPresent()) {
            try {
                return Duration.between(start.get(), end.get()).toMillis();
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return 0;
    }

    /**
     * LiteLLM's times: epoch seconds as a number (its typed payload), or text as Python prints a datetime
     * ({@code 2025-01-24 09:20:46.847371}, UTC) or ISO-8601.
     */
    static Optional<Instant> time(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            double seconds = value.asDouble();
            if (!Double.isFinite(seconds) || Math.abs(seconds) > 1e11) {
                return Optional.of(Instant.MAX);
            }
            return Optional.of(Instant.ofEpochMilli(Math.round(seconds * 1000)));
        }
        String text = value.asText().strip();
        Optional<Instant> iso = SignalTimes.parse(text);
        if (iso.isPresent()) {
            return iso;
        }
        try {
            return Optional.of(LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A name LiteLLM left empty ("") is no name. */
    private static String named(String name) {
        return name == null || name.isEmpty() ? null : name;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
