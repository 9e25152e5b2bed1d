package dev.detour.bot.signals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.detour.bot.api.JsonProblems;
import dev.detour.incidents.application.GatewaySignals;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.incident.TextLimits;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a gateway batch, {@code {"outcomes":[{"provider","model","ok","status","latencyMs","at"}, ...]}}, with
 * Jackson's streaming parser (this is the hot path: no tree, no reflection). Each outcome is checked against the
 * catalog on its own, so one bad outcome never costs the good ones.
 */
final class GatewayBatchReader {
    private static final JsonFactory JSON = new JsonFactory();

    /** The outcomes that count, and why each of the others does not (by its index in the batch). */
    record Batch(List<GatewaySignals.Outcome> accepted, List<Rejection> rejected, Map<String, Long> unknownNames) {
        Batch(List<GatewaySignals.Outcome> accepted, List<Rejection> rejected) {
            this(accepted, rejected, Map.of());
        }
    }

    record Rejection(int index, String problem) {
    }

    /** Not JSON, or not shaped like a batch: nothing in it counts. */
    static final class MalformedBatch extends Exception {
        MalformedBatch(String message) {
            super(message, null, false, false);
        }
    }

    /** How much of a refused value an answer quotes. */
    private static final int QUOTED = 20;

    private final Catalog catalog;
    private final java.util.Set<String> providers = new java.util.HashSet<>();
    private final SignalTimes times;

    GatewayBatchReader(Catalog catalog, Clock clock) {
        this.times = new SignalTimes(clock);
        this.catalog = catalog;
        catalog.providers().forEach(provider -> providers.add(provider.id().value()));
    }

    Batch read(byte[] body) throws MalformedBatch {
        List<GatewaySignals.Outcome> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        Map<String, Long> unknownNames = new HashMap<>();
        try (JsonParser parser = JSON.createParser(body)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, parser, "the body must be a JSON object");
            boolean sawOutcomes = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!field.equals("outcomes")) {
                    parser.skipChildren();
                    continue;
                }
                expect(value == JsonToken.START_ARRAY, parser, "\"outcomes\" must be an array");
                sawOutcomes = true;
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    expect(parser.currentToken() == JsonToken.START_OBJECT, parser,
                            "each outcome must be an object");
                    outcome(parser, index++, accepted, rejected, unknownNames);
                }
            }
            expect(sawOutcomes, parser, "the body needs \"outcomes\": [...]");
        } catch (IOException e) {
            throw new MalformedBatch(JsonProblems.describe(e));
        }
        return new Batch(accepted, rejected, unknownNames);
    }

    private void outcome(JsonParser parser, int index, List<GatewaySignals.Outcome> accepted,
                         List<Rejection> rejected, Map<String, Long> unknownNames) throws IOException, MalformedBatch {
        String provider = null;
        String model = null;
        Boolean ok = null;
        Integer status = null;
        long latencyMs = 0;
        List<String> problems = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "provider" -> provider = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "model" -> model = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "ok" -> ok = value == JsonToken.VALUE_TRUE ? Boolean.TRUE
                        : value == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                case "status" -> {
                    if (isStatus(parser, value)) {
                        status = parser.getIntValue();
                    } else if (value != JsonToken.VALUE_NULL) {
                        problems.add("\"status\" must be an HTTP status from 100 to 599 (or 0 for no answer), not "
                                + shown(parser, value));
                    }
                }
                case "latencyMs" -> {
                    if (isLatency(parser, value)) {
                        latencyMs = (long) parser.getDoubleValue();
                    } else if (value != JsonToken.VALUE_NULL) {
                        problems.add("\"latencyMs\" must be a number of milliseconds from 0 to "
                                + GatewaySignals.Outcome.MAX_LATENCY_MS + ", not " + shown(parser, value));
                    }
                }
                case "at" -> {
                    if (value == JsonToken.VALUE_STRING) {
                        times.refusal("at", parser.getText()).ifPresent(problems::add);
                    } else if (value != JsonToken.VALUE_NULL) {
                        problems.add("\"at\" must be an ISO-8601 time like 2026-06-07T07:12:03Z, not "
                                + shown(parser, value));
                    }
                }
                default -> parser.skipChildren();
            }
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                parser.skipChildren();
            }
        }
        expect(parser.currentToken() == JsonToken.END_OBJECT, parser, "an outcome must be a JSON object");
        Optional<String> refusal = !problems.isEmpty() ? Optional.of(String.join("; ", problems))
                : check(provider, model, ok, status);
        Optional<Model> known = catalog.modelNamed(model);
        if (model != null && known.isEmpty() && problems.isEmpty()) {
            unknownNames.merge(model, 1L, Long::sum);
        }
        if (refusal.isPresent()) {
            rejected.add(new Rejection(index, refusal.get()));
            return;
        }
        boolean succeeded = ok != null ? ok : status / 100 == 2;
        accepted.add(new GatewaySignals.Outcome(known.orElseThrow().id(), succeeded, status == null ? 0 : status,
                latencyMs));
    }

    /** A whole number the gateway may report as a status; a huge one is never read as an int (it would throw). */
    private static boolean isStatus(JsonParser parser, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                && GatewaySignals.Outcome.isStatus(parser.getLongValue());
    }

    private static boolean isLatency(JsonParser parser, JsonToken value) throws IOException {
        if (!value.isNumeric()) {
            return false;
        }
        double latency = parser.getDoubleValue();
        return latency >= 0 && latency <= GatewaySignals.Outcome.MAX_LATENCY_MS;
    }

    /** A value as the sender wrote it, short enough to quote in an answer. */
    private static String shown(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "'" + TextLimits.clip(parser.getText(), QUOTED) + "'";
            default -> TextLimits.clip(parser.getText(), QUOTED);
        };
    }

    private Optional<String> check(String provider, String model, Boolean ok, Integer status) {
        if (model == null) {
            return Optional.of("\"model\" is required");
        }
        Model known = catalog.modelNamed(model).orElse(null);
        if (known == null) {
            return Optional.of("unknown model '" + model + "'" + (provider != null && !providers.contains(provider)
                    ? " of unknown provider '" + provider + "'" : ""));
        }
        if (provider != null && !known.provider().value().equals(provider)) {
            return Optional.of(providers.contains(provider)
                    ? "model '" + model + "' is not served by provider '" + provider + "'"
                    : "unknown provider '" + provider + "'");
        }
        if (ok == null && status == null) {
            return Optional.of("an outcome needs \"ok\" or \"status\"");
        }
        return Optional.empty();
    }

    private static void expect(boolean condition, JsonParser parser, String problem) throws MalformedBatch {
        if (!condition) {
            throw new MalformedBatch(where(parser.currentLocation().getLineNr(),
                    parser.currentLocation().getColumnNr()) + problem);
        }
    }

    private static String where(int line, int column) {
        return "line " + line + ", column " + column + ": ";
    }
}
