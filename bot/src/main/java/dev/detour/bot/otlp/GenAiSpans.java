package dev.detour.bot.otlp;

import dev.detour.incidents.application.GatewaySignals;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.signals.PlausibleTimes;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a GenAI client span into a gateway outcome (docs/signals.md, "OpenTelemetry GenAI spans"): a span with
 * {@code gen_ai.operation.name} names its model in {@code gen_ai.request.model} (or {@code gen_ai.response.model}),
 * found through the catalog's ids and aliases, first as {@code <provider>/<model>} with the provider of
 * {@code gen_ai.provider.name} (or the older {@code gen_ai.system}); its HTTP status comes from
 * {@code http.response.status_code}, else from {@code error.type}; its latency is the span's duration.
 */
final class GenAiSpans {
    private final Catalog catalog;
    private final PlausibleTimes plausible;

    GenAiSpans(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.plausible = new PlausibleTimes(clock);
    }

    void judge(SpanFacts span, OtlpTally tally) {
        if (span.operation == null) {
            tally.notGenAi++;
            return;
        }
        String named = span.requestModel != null && !span.requestModel.isBlank() ? span.requestModel
                : span.responseModel;
        if (named == null || named.isBlank()) {
            tally.withoutModel++;
            return;
        }
        Optional<Model> model = model(span, named);
        if (model.isEmpty() && span.responseModel != null && !span.responseModel.equals(named)) {
            model = model(span, span.responseModel);
        }
        if (model.isEmpty()) {
            tally.unknown(provider(span) == null ? named : provider(span) + "/" + named);
            return;
        }
        if (span.endNanos <= 0 || span.startNanos <= 0) {
            tally.refuse("a span of model '" + named + "' has no start or end time");
            return;
        }
        Instant end = Instant.ofEpochSecond(0, span.endNanos);
        Optional<String> implausible = plausible.refusal(end);
        if (implausible.isPresent()) {
            tally.refuse("\"endTimeUnixNano\" of a span of model '" + named + "' " + implausible.get());
            return;
        }
        long latencyMs = (span.endNanos - span.startNanos) / 1_000_000L;
        if (latencyMs < 0 || latencyMs > GatewaySignals.Outcome.MAX_LATENCY_MS) {
            tally.refuse("a span of model '" + named + "' lasts " + latencyMs + " ms; from 0 to "
                    + GatewaySignals.Outcome.MAX_LATENCY_MS + " is plausible");
            return;
        }
        int status = status(span);
        boolean ok = status / 100 == 2;
        tally.accepted.add(new GatewaySignals.Outcome(model.get().id(), ok, status, latencyMs));
    }

    private Optional<Model> model(SpanFacts span, String named) {
        String provider = provider(span);
        if (provider != null) {
            Optional<Model> qualified = catalog.modelNamed(provider + "/" + named);
            if (qualified.isPresent()) {
                return qualified;
            }
        }
        return catalog.modelNamed(named);
    }

    private static String provider(SpanFacts span) {
        return span.providerName != null ? span.providerName : span.system;
    }

    /**
     * The HTTP status the call ended with, as {@code POST /signals/gateway} takes it: {@code http.response.status_code}
     * when it is one; else read from {@code error.type}; else 200, or 0 (no answer) for a span whose status is an error.
     */
    static int status(SpanFacts span) {
        if (GatewaySignals.Outcome.isStatus(span.httpStatus) && span.httpStatus != 0) {
            return (int) span.httpStatus;
        }
        if (span.errorType != null) {
            return errorStatus(span.errorType);
        }
        return span.statusCode == SpanFacts.STATUS_ERROR ? 0 : 200;
    }

    /**
     * {@code error.type} as the GenAI instrumentations write it: a status code ({@code "429"}), or the class name of
     * the client library's exception ({@code RateLimitError}, {@code APITimeoutError}, {@code httpx.ReadTimeout}).
     * An error type Detour does not know counts as a failed call without an answer (0).
     */
    static int errorStatus(String errorType) {
        String text = errorType.strip();
        if (text.length() == 3 && text.chars().allMatch(Character::isDigit)) {
            int status = Integer.parseInt(text);
            if (GatewaySignals.Outcome.isStatus(status)) {
                return status;
            }
        }
        String name = text.substring(text.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (name.contains("ratelimit") || name.contains("toomanyrequests") || name.contains("throttl")) {
            return 429;
        }
        if (name.contains("authentication") || name.contains("unauthorized")) {
            return 401;
        }
        if (name.contains("permissiondenied") || name.contains("forbidden")) {
            return 403;
        }
        if (name.contains("overloaded")) {
            return 529;
        }
        if (name.contains("serviceunavailable")) {
            return 503;
        }
        if (name.contains("internalserver")) {
            return 500;
        }
        if (name.contains("badrequest") || name.contains("invalidrequest")) {
            return 400;
        }
        if (name.contains("notfound")) {
            return 404;
        }
        if (name.contains("unprocessable")) {
            return 422;
        }
        return 0; // timeouts, dropped connections and errors Detour cannot place: the provider gave no usable answer
    }
}
