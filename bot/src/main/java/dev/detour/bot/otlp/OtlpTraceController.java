package dev.detour.bot.otlp;

import dev.detour.bot.metrics.SignalMeters;
import dev.detour.incidents.application.GatewaySignals;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.signals.UnknownModelNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code POST /v1/traces}: OTLP/HTTP trace exports, protobuf or JSON, from an OpenTelemetry SDK or Collector.
 * GenAI client spans become gateway outcomes and take the gateway's path (docs/signals.md, "OpenTelemetry GenAI
 * spans"); other spans are ignored and counted. The token is checked by {@code SignalTokenFilter}.
 */
@Controller("/v1")
public class OtlpTraceController {
    static final String PROTOBUF = "application/x-protobuf";

    private final OtlpProtobufReader protobuf;
    private final OtlpJsonReader json;
    private final GatewaySignals gateway;
    private final Catalog catalog;
    private final SignalMeters meters;
    private final UnknownModelNames unknownNames;
    private final Counter notGenAi;
    private final Counter withoutModel;
    private final Counter refused;

    public OtlpTraceController(Catalog catalog, GatewaySignals gateway, SignalMeters meters,
                               UnknownModelNames unknownNames, MeterRegistry registry, Clock clock) {
        GenAiSpans spans = new GenAiSpans(catalog, clock);
        this.protobuf = new OtlpProtobufReader(spans);
        this.json = new OtlpJsonReader(spans);
        this.gateway = gateway;
        this.catalog = catalog;
        this.meters = meters;
        this.unknownNames = unknownNames;
        this.notGenAi = spansCounter(registry, "not_gen_ai");
        this.withoutModel = spansCounter(registry, "without_model");
        this.refused = spansCounter(registry, "refused");
    }

    private static Counter spansCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("detour.otlp.spans.skipped")
                .description("OTLP spans that did not count as gateway outcomes, by why")
                .tag("reason", outcome).register(registry);
    }

    @Post(uri = "/traces", consumes = {PROTOBUF, MediaType.APPLICATION_JSON})
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<byte[]> traces(HttpRequest<?> request, @Body byte[] body) {
        boolean isProtobuf = request.getContentType().map(type -> type.getName().equals(PROTOBUF)).orElse(false);
        String answerType = isProtobuf ? PROTOBUF : MediaType.APPLICATION_JSON;
        OtlpTally tally;
        try {
            tally = isProtobuf ? protobuf.read(body) : json.read(body);
        } catch (MalformedTraces e) {
            return HttpResponse.<byte[]>status(HttpStatus.BAD_REQUEST).contentType(answerType)
                    .body(OtlpAnswers.status(isProtobuf, OtlpAnswers.INVALID_ARGUMENT, e.getMessage()));
        }
        gateway.ingest(tally.accepted);
        Map<ProviderId, Long> perProvider = tally.accepted.stream()
                .collect(Collectors.groupingBy(outcome -> catalog.providerOf(outcome.model()), Collectors.counting()));
        perProvider.forEach((provider, outcomes) -> meters.received(SignalMeters.Source.OTLP, provider, outcomes));
        tally.unknownNames.forEach(unknownNames::seen);
        notGenAi.increment(tally.notGenAi);
        withoutModel.increment(tally.withoutModel);
        refused.increment(tally.refused);
        String message = tally.refused == 0 ? "" : tally.refused + " of " + tally.spans()
                + " spans were refused: " + String.join("; ", tally.problems);
        return HttpResponse.<byte[]>ok(OtlpAnswers.exported(isProtobuf, tally.refused, message))
                .contentType(answerType);
    }
}
