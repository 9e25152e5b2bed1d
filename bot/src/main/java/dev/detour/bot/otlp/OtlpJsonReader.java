package dev.detour.bot.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.detour.bot.api.JsonProblems;

import java.io.IOException;

/**
 * Reads an {@code ExportTraceServiceRequest} in OTLP's JSON encoding ({@code application/json}) with Jackson's
 * streaming parser: keys in lowerCamelCase, 64-bit integers ({@code intValue}, {@code startTimeUnixNano}) as
 * strings or numbers, enums ({@code status.code}) as integers, unknown fields ignored. Trace and span ids (hex)
 * are not read.
 */
final class OtlpJsonReader {
    private static final JsonFactory JSON = new JsonFactory();

    private final GenAiSpans spans;

    OtlpJsonReader(GenAiSpans spans) {
        this.spans = spans;
    }

    OtlpTally read(byte[] body) throws MalformedTraces {
        OtlpTally tally = new OtlpTally();
        SpanFacts facts = new SpanFacts();
        try (JsonParser parser = JSON.createParser(body)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, parser, "the body must be a JSON object");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("resourceSpans") && value != JsonToken.VALUE_NULL) {
                    array(parser, value, "resourceSpans");
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        resourceSpans(parser, facts, tally);
                    }
                } else {
                    parser.skipChildren();
                }
            }
            expect(parser.nextToken() == null, parser, "nothing may follow the JSON object");
        } catch (IOException e) {
            throw new MalformedTraces(JsonProblems.describe(e));
        }
        return tally;
    }

    private void resourceSpans(JsonParser parser, SpanFacts facts, OtlpTally tally)
            throws IOException, MalformedTraces {
        object(parser, parser.currentToken(), "each of resourceSpans");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("scopeSpans") && value != JsonToken.VALUE_NULL) {
                array(parser, value, "scopeSpans");
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    scopeSpans(parser, facts, tally);
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    private void scopeSpans(JsonParser parser, SpanFacts facts, OtlpTally tally) throws IOException, MalformedTraces {
        object(parser, parser.currentToken(), "each of scopeSpans");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("spans") && value != JsonToken.VALUE_NULL) {
                array(parser, value, "spans");
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    span(parser, facts.clear());
                    spans.judge(facts, tally);
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    private static void span(JsonParser parser, SpanFacts facts) throws IOException, MalformedTraces {
        object(parser, parser.currentToken(), "each span");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "attributes" -> {
                    if (value != JsonToken.VALUE_NULL) {
                        array(parser, value, "attributes");
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            attribute(parser, facts);
                        }
                    }
                }
                case "startTimeUnixNano" -> facts.startNanos = unsigned(parser, value, field);
                case "endTimeUnixNano" -> facts.endNanos = unsigned(parser, value, field);
                case "status" -> {
                    if (value == JsonToken.START_OBJECT) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            JsonToken code = parser.nextToken();
                            if (parser.currentName().equals("code") && code == JsonToken.VALUE_NUMBER_INT) {
                                facts.statusCode = parser.getIntValue();
                            } else {
                                parser.skipChildren();
                            }
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
                default -> parser.skipChildren();
            }
        }
    }

    /** {@code {"key": "...", "value": {"stringValue": "..."}}}; only string and int values are read. */
    private static void attribute(JsonParser parser, SpanFacts facts) throws IOException, MalformedTraces {
        object(parser, parser.currentToken(), "each attribute");
        String key = null;
        String text = null;
        long number = -1;
        boolean isNumber = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("key") && value == JsonToken.VALUE_STRING) {
                key = parser.getText();
            } else if (field.equals("value") && value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String kind = parser.currentName();
                    JsonToken inner = parser.nextToken();
                    if (kind.equals("stringValue") && inner == JsonToken.VALUE_STRING) {
                        text = parser.getText();
                    } else if (kind.equals("intValue") && (inner == JsonToken.VALUE_STRING
                            || inner == JsonToken.VALUE_NUMBER_INT)) {
                        number = wholeNumber(parser, inner);
                        isNumber = true;
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        if (key == null || !SpanFacts.wanted(key)) {
            return;
        }
        if (text != null) {
            facts.attribute(key, text);
        } else if (isNumber) {
            facts.attribute(key, number);
        }
    }

    private static long wholeNumber(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? -1 : parser.getLongValue();
        }
        try {
            return Long.parseLong(parser.getText().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A fixed64 time in nanoseconds, as a decimal string or a number; 0 when absent or unreadable. */
    private static long unsigned(JsonParser parser, JsonToken value, String field) throws IOException, MalformedTraces {
        if (value == JsonToken.VALUE_NULL) {
            return 0;
        }
        expect(value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT, parser,
                "\"" + field + "\" must be nanoseconds since 1970 as a string or a whole number");
        long nanos = wholeNumber(parser, value);
        return Math.max(nanos, 0);
    }

    private static void array(JsonParser parser, JsonToken value, String what) throws MalformedTraces {
        expect(value == JsonToken.START_ARRAY, parser, "\"" + what + "\" must be an array");
    }

    private static void object(JsonParser parser, JsonToken value, String what) throws MalformedTraces {
        expect(value == JsonToken.START_OBJECT, parser, what + " must be an object");
    }

    private static void expect(boolean condition, JsonParser parser, String problem) throws MalformedTraces {
        if (!condition) {
            throw new MalformedTraces("line " + parser.currentLocation().getLineNr() + ", column "
                    + parser.currentLocation().getColumnNr() + ": " + problem);
        }
    }
}
