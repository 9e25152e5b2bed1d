package dev.detour.bot.otlp;

/**
 * What Detour reads of one OTLP span, filled by {@link OtlpProtobufReader} or {@link OtlpJsonReader} and judged
 * by {@link GenAiSpans}. One instance is reused for every span of a request (this is the hot path).
 */
final class SpanFacts {
    /** {@code Status.code} of OTLP: unset 0, ok 1, error 2. */
    static final int STATUS_ERROR = 2;

    String operation;
    String requestModel;
    String responseModel;
    String providerName;
    String system;
    String errorType;
    /** {@code http.response.status_code}, or -1 when absent or not a whole number. */
    long httpStatus;
    int statusCode;
    long startNanos;
    long endNanos;

    SpanFacts clear() {
        operation = null;
        requestModel = null;
        responseModel = null;
        providerName = null;
        system = null;
        errorType = null;
        httpStatus = -1;
        statusCode = 0;
        startNanos = 0;
        endNanos = 0;
        return this;
    }

    /** Keeps the attributes Detour reads; others are ignored. */
    void attribute(String key, String text) {
        switch (key) {
            case "gen_ai.operation.name" -> operation = text;
            case "gen_ai.request.model" -> requestModel = text;
            case "gen_ai.response.model" -> responseModel = text;
            case "gen_ai.provider.name" -> providerName = text;
            case "gen_ai.system" -> system = text;
            case "error.type" -> errorType = text;
            case "http.response.status_code" -> httpStatus = wholeNumber(text);
            default -> {
            }
        }
    }

    void attribute(String key, long number) {
        if (key.equals("http.response.status_code")) {
            httpStatus = number;
        }
    }

    static boolean wanted(String key) {
        return key.startsWith("gen_ai.") || key.equals("error.type") || key.equals("http.response.status_code");
    }

    private static long wholeNumber(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
