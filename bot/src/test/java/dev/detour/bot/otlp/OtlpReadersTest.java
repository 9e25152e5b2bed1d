package dev.detour.bot.otlp;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.GatewaySignals;
import dev.detour.incidents.testing.MovableClock;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtlpReadersTest {
    private static final Instant END = MovableClock.SEED_MORNING;
    private final GenAiSpans spans = new GenAiSpans(SeedCatalog.catalog(), new MovableClock());
    private final OtlpProtobufReader protobuf = new OtlpProtobufReader(spans);
    private final OtlpJsonReader json = new OtlpJsonReader(spans);

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    private static KeyValue text(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static KeyValue number(String key, long value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
    }

    private static Span span(Instant end, Duration took, KeyValue... attributes) {
        return Span.newBuilder().setName("chat").setStartTimeUnixNano(nanos(end.minus(took)))
                .setEndTimeUnixNano(nanos(end)).addAllAttributes(List.of(attributes)).build();
    }

    private static byte[] request(Span... spans) {
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans)))).build().toByteArray();
    }

    @Test
    void genAiSpansBecomeOutcomesByIdOrAliasAndOtherSpansAreCounted() throws MalformedTraces {
        OtlpTally tally = protobuf.read(request(
                span(END, Duration.ofMillis(1840), text("gen_ai.operation.name", "chat"),
                        text("gen_ai.provider.name", "anthropic"), text("gen_ai.request.model", "claude-opus-4-8"),
                        number("http.response.status_code", 529)),
                span(END, Duration.ofMillis(900), text("gen_ai.operation.name", "chat"),
                        text("gen_ai.system", "anthropic"), text("gen_ai.request.model", "claude-opus-4-8-20260514")),
                span(END, Duration.ofMillis(30), text("gen_ai.operation.name", "chat"),
                        text("gen_ai.request.model", "claude-opus-4.8"), text("gen_ai.provider.name", "anthropic"),
                        text("error.type", "RateLimitError")),
                span(END, Duration.ofMillis(5), text("http.request.method", "GET")),
                span(END, Duration.ofMillis(5), text("gen_ai.operation.name", "embeddings"))));

        assertEquals(List.of(new GatewaySignals.Outcome(SeedCatalog.OPUS_48, false, 529, 1840),
                new GatewaySignals.Outcome(SeedCatalog.OPUS_48, true, 200, 900),
                new GatewaySignals.Outcome(SeedCatalog.OPUS_48, false, 429, 30)), tally.accepted);
        assertEquals(1, tally.notGenAi);
        assertEquals(1, tally.withoutModel);
        assertEquals(0, tally.refused);
    }

    @Test
    void unknownModelsAndTimesYearsAwayAreRefusedPerSpan() throws MalformedTraces {
        OtlpTally tally = protobuf.read(request(
                span(END, Duration.ofMillis(10), text("gen_ai.operation.name", "chat"),
                        text("gen_ai.provider.name", "openai"), text("gen_ai.request.model", "gpt-6")),
                span(END.plus(Duration.ofDays(3 * 365)), Duration.ofMillis(10), text("gen_ai.operation.name", "chat"),
                        text("gen_ai.request.model", "gpt-5")),
                span(END, Duration.ofMillis(10), text("gen_ai.operation.name", "chat"),
                        text("gen_ai.request.model", "gpt-5"), text("error.type", "openai.APITimeoutError"))));

        assertEquals(List.of(new GatewaySignals.Outcome(SeedCatalog.GPT_5, false, 0, 10)), tally.accepted);
        assertEquals(2, tally.refused);
        assertEquals(Map.of("openai/gpt-6", 1L), tally.unknownNames);
        assertTrue(tally.problems.stream().anyMatch(p -> p.contains("endTimeUnixNano")), tally.problems.toString());
    }

    @Test
    void errorTypesAreClassifiedAsTheGatewayDoes() {
        assertEquals(429, GenAiSpans.errorStatus("RateLimitError"));
        assertEquals(401, GenAiSpans.errorStatus("anthropic.AuthenticationError"));
        assertEquals(403, GenAiSpans.errorStatus("PermissionDeniedError"));
        assertEquals(529, GenAiSpans.errorStatus("OverloadedError"));
        assertEquals(503, GenAiSpans.errorStatus("503"));
        assertEquals(0, GenAiSpans.errorStatus("httpx.ReadTimeout"));
        assertEquals(400, GenAiSpans.errorStatus("BadRequestError"));
    }

    @Test
    void aSpanWithAnErrorStatusAndNoDetailIsAFailureWithoutAnswer() throws MalformedTraces {
        Span failed = span(END, Duration.ofMillis(10), text("gen_ai.operation.name", "chat"),
                text("gen_ai.request.model", "gpt-5")).toBuilder()
                .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR)).build();
        assertEquals(List.of(new GatewaySignals.Outcome(SeedCatalog.GPT_5, false, 0, 10)),
                protobuf.read(request(failed)).accepted);
    }

    @Test
    void otlpJsonWithHexIdsStringIntsAndIntegerEnumsIsRead() throws MalformedTraces {
        long end = nanos(END);
        String body = """
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"chat"}}]},
                 "scopeSpans":[{"scope":{"name":"opentelemetry.instrumentation.anthropic"},"spans":[
                  {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"chat claude",
                   "kind":3,"startTimeUnixNano":"%d","endTimeUnixNano":"%d",
                   "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},
                                 {"key":"gen_ai.request.model","value":{"stringValue":"claude-opus-4-8"}},
                                 {"key":"gen_ai.usage.input_tokens","value":{"intValue":"120"}},
                                 {"key":"http.response.status_code","value":{"intValue":"503"}}],
                   "status":{"code":2,"message":"overloaded"},"unknownField":[1,2]},
                  {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b175","name":"GET",
                   "startTimeUnixNano":%d,"endTimeUnixNano":%d,"attributes":[]}]}]}]}
                """.formatted(end - 2_000_000_000L, end, end - 1, end);

        OtlpTally tally = json.read(body.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(new GatewaySignals.Outcome(SeedCatalog.OPUS_48, false, 503, 2000)), tally.accepted);
        assertEquals(1, tally.notGenAi);
    }

    @Test
    void aBodyThatDoesNotParseSaysWhy() {
        MalformedTraces pb = assertThrows(MalformedTraces.class,
                () -> protobuf.read(new byte[]{0x0a, (byte) 0xff, (byte) 0xff, 0x01}));
        assertTrue(pb.getMessage().startsWith("the body is not an OTLP ExportTraceServiceRequest"), pb.getMessage());
        MalformedTraces js = assertThrows(MalformedTraces.class,
                () -> json.read("{\"resourceSpans\":{}}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(js.getMessage().startsWith("line 1, column"), js.getMessage());
        assertTrue(js.getMessage().contains("\"resourceSpans\" must be an array"), js.getMessage());
    }
}
