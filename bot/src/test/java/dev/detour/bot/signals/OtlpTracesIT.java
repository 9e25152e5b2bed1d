package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.CodedInputStream;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.messages.Interactions;
import dev.detour.notifications.testing.FakeSlack;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /v1/traces} end to end with the real OpenTelemetry Java SDK: GenAI spans exported over OTLP/HTTP,
 * protobuf (the SDK's OTLP exporter) and JSON (the SDK's own OTLP JSON encoding), replaying the seed incident as
 * {@link GatewaySignalsIT} does with gateway outcomes.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtlpTracesIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final FakeSlack slack = SignalTestApp.slack();
    private final List<SpanData> finished = new ArrayList<>();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new Collecting())).build();
    private final Tracer tracer = tracing.get("detour-otlp-it");

    @Inject
    EmbeddedServer server;
    @Inject
    MovableClock clock;
    @Inject
    CleanSlate cleanSlate;

    /** Keeps finished spans until a test exports them as one batch. */
    private final class Collecting implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            synchronized (finished) {
                finished.addAll(spans);
            }
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SignalTestApp.properties(slack);
        properties.put("detour.slack.burst", "100");
        return properties;
    }

    @AfterAll
    void stop() {
        tracing.shutdown();
        slack.close();
    }

    @BeforeEach
    void startFromACleanSlate() {
        cleanSlate.restoreAndAwaitDelivery();
        slack.clear();
        synchronized (finished) {
            finished.clear();
        }
    }

    private List<SpanData> take() {
        synchronized (finished) {
            List<SpanData> spans = List.copyOf(finished);
            finished.clear();
            return spans;
        }
    }

    /** A chat call as the GenAI instrumentations record it, ending now on Detour's clock. */
    private void chat(String provider, String model, int status, Duration took, Instant end) {
        Span span = tracer.spanBuilder("chat " + model).setSpanKind(SpanKind.CLIENT)
                .setStartTimestamp(end.minus(took))
                .setAttribute("gen_ai.operation.name", "chat")
                .setAttribute("gen_ai.provider.name", provider)
                .setAttribute("gen_ai.request.model", model)
                .setAttribute(AttributeKey.longKey("http.response.status_code"), (long) status)
                .startSpan();
        if (status >= 500) {
            span.setAttribute("error.type", Integer.toString(status));
        }
        span.end(end);
    }

    private OtlpHttpSpanExporter exporter() {
        return OtlpHttpSpanExporter.builder().setEndpoint(server.getURI().resolve("/v1/traces").toString())
                .addHeader("Authorization", "Bearer " + SignalTestApp.TOKEN).setTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static byte[] json(List<SpanData> spans) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            TraceRequestMarshaler.create(spans).writeJsonTo(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private HttpResponse<byte[]> post(String type, byte[] body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve("/v1/traces"))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every 10 s for {@code duration}: {@code requests} calls per model, the first {@code failures} 529s. */
    private void replay(Duration duration, int requests, int failures, List<String> models, boolean asJson,
                        OtlpHttpSpanExporter exporter) {
        for (long s = 0; s < duration.toSeconds(); s += 10) {
            clock.advance(Duration.ofSeconds(10));
            for (String model : models) {
                for (int i = 0; i < requests; i++) {
                    chat("anthropic", model, i < failures ? 529 : 200, Duration.ofMillis(1840), clock.instant());
                }
            }
            List<SpanData> batch = take();
            if (asJson) {
                HttpResponse<byte[]> answer = post("application/json", json(batch), SignalTestApp.TOKEN);
                assertEquals(200, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
                assertEquals("{}", new String(answer.body(), StandardCharsets.UTF_8));
            } else {
                assertTrue(exporter.export(batch).join(10, TimeUnit.SECONDS).isSuccess(), "the SDK's export");
            }
        }
    }

    private JsonNode openIncidents() {
        return SignalTestApp.get(server.getURI(), "/api/incidents?state=open").path("incidents");
    }

    /**
     * The seed incident's shape for {@code models} (each test its own models: what a signal announced stays
     * announced across tests, as it does across replicas).
     */
    private void theSeedIncidentOpensAndAsksToSwitchOff(List<String> models, List<String> ids, boolean asJson) {
        try (OtlpHttpSpanExporter exporter = exporter()) {
            clock.advance(Duration.ofMinutes(5));
            replay(Duration.ofMinutes(2), 20, 2, models, asJson, exporter);   // 10%: normal noise
            assertEquals(0, openIncidents().size(), openIncidents().toString());
            replay(Duration.ofMinutes(1), 20, 4, models, asJson, exporter);   // 20%
            replay(Duration.ofMinutes(1), 20, 9, models, asJson, exporter);   // 45%: past 25%
            replay(Duration.ofMinutes(5), 20, 9, models, asJson, exporter);   // and staying there
        }
        assertEquals(1, openIncidents().size(), "one incident: " + openIncidents());
        String id = openIncidents().path(0).path("id").asText();
        JsonNode incident = SignalTestApp.get(server.getURI(), "/api/incidents/" + id);
        JsonNode affected = incident.path("incident").path("affected");
        assertTrue(ids.stream().allMatch(model -> affected.toString().contains(model)), affected.toString());
        assertTrue(incident.path("timeline").toString().contains("signal:gateway"), "the gateway's path");
        FakeSlack.Call ask = slack.awaitCall("chat.postMessage", call -> call.param("thread_ts") != null
                && call.param("blocks") != null && call.param("blocks").contains(Interactions.DISABLE + ":"), WAIT);
        assertTrue(ask.param("text").contains("Switch it off?") || ask.param("text").contains("Switch them off?"),
                ask.param("text"));
    }

    @Test
    void theSeedIncidentAsSpansFromTheSdksOtlpExporterOpensTheIncidentAndAsksToSwitchOff() {
        theSeedIncidentOpensAndAsksToSwitchOff(List.of("claude-opus-4-8-20260514", "claude-opus-4-7"),
                List.of("claude-opus-4-8", "claude-opus-4-7"), false);
    }

    @Test
    void theSeedIncidentAsOtlpJsonOpensTheIncidentAndAsksToSwitchOff() {
        theSeedIncidentOpensAndAsksToSwitchOff(List.of("claude-sonnet-4-6"), List.of("claude-sonnet-4-6"), true);
    }

    @Test
    void aGzippedExportAsTheCollectorSendsByDefaultIsRead() throws IOException, InterruptedException {
        chat("openai", "gpt-5", 200, Duration.ofMillis(300), clock.instant());
        chat("openai", "gpt-5-gzip-test", 200, Duration.ofMillis(300), clock.instant());
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
            gzip.write(json(take()));
        }
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(server.getURI().resolve("/v1/traces"))
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .header("Authorization", "Bearer " + SignalTestApp.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("1", SignalTestApp.json(answer.body()).path("partialSuccess").path("rejectedSpans").asText(),
                "one known model, one unknown: " + answer.body());
    }

    @Test
    void withoutTheTokenTracesAreRefused() {
        chat("openai", "gpt-5", 200, Duration.ofMillis(300), clock.instant());
        byte[] body = json(take());
        assertEquals(401, post("application/json", body, null).statusCode());
        assertEquals(401, post("application/json", body, "wrong-token").statusCode());
    }

    @Test
    void spansYearsAwayAndUnknownModelsAreRefusedPerSpanAndOtherSpansAreIgnored() throws IOException {
        chat("openai", "gpt-5", 200, Duration.ofMillis(300), clock.instant());
        chat("openai", "gpt-5", 200, Duration.ofMillis(300), clock.instant().plus(Duration.ofDays(4 * 365)));
        chat("openai", "gpt-6-preview", 200, Duration.ofMillis(300), clock.instant());
        tracer.spanBuilder("SELECT incidents").setStartTimestamp(clock.instant().minusMillis(3)).startSpan()
                .end(clock.instant());
        tracer.spanBuilder("chat").setAttribute("gen_ai.operation.name", "chat")
                .setStartTimestamp(clock.instant().minusMillis(3)).startSpan().end(clock.instant());
        List<SpanData> spans = take();
        ByteArrayOutputStream protobuf = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(spans).writeBinaryTo(protobuf);

        HttpResponse<byte[]> answer = post("application/x-protobuf", protobuf.toByteArray(), SignalTestApp.TOKEN);

        assertEquals(200, answer.statusCode());
        assertEquals("application/x-protobuf", answer.headers().firstValue("Content-Type").orElse(""));
        ExportTraceServiceResponse response = ExportTraceServiceResponse.parseFrom(answer.body());
        assertEquals(2, response.getPartialSuccess().getRejectedSpans());
        String message = response.getPartialSuccess().getErrorMessage();
        assertTrue(message.startsWith("2 of 5 spans were refused"), message);
        assertTrue(message.contains("endTimeUnixNano") && message.contains("openai/gpt-6-preview"), message);

        HttpResponse<byte[]> asJson = post("application/json", json(spans), SignalTestApp.TOKEN);
        JsonNode partial = SignalTestApp.json(new String(asJson.body(), StandardCharsets.UTF_8));
        assertEquals("2", partial.path("partialSuccess").path("rejectedSpans").asText());

        JsonNode unknown = SignalTestApp.get(server.getURI(), "/api/status").path("unknownModelNames");
        assertTrue(unknown.path("names").toString().contains("\"name\":\"openai/gpt-6-preview\""), unknown.toString());
    }

    @Test
    void aProtobufBodyThatDoesNotParseIsA400WithAStatusSayingWhy() throws IOException {
        HttpResponse<byte[]> answer = post("application/x-protobuf", new byte[]{0x0a, (byte) 0xff, (byte) 0xff, 0x01},
                SignalTestApp.TOKEN);

        assertEquals(400, answer.statusCode());
        Map.Entry<Integer, String> status = status(answer.body());
        assertEquals(3, status.getKey(), "INVALID_ARGUMENT");
        String message = status.getValue();
        assertTrue(message.startsWith("the body is not an OTLP ExportTraceServiceRequest in protobuf"), message);

        HttpResponse<byte[]> json = post("application/json", "{\"resourceSpans\":[{".getBytes(StandardCharsets.UTF_8),
                SignalTestApp.TOKEN);
        assertEquals(400, json.statusCode());
        assertEquals(3, SignalTestApp.json(new String(json.body(), StandardCharsets.UTF_8)).path("code").asInt());
    }

    @Test
    void aFiftyMegabyteBodyIsRefusedWith413BeforeItIsReadWhole() throws IOException {
        URI uri = server.getURI();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/traces HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: application/x-protobuf"
                    + "\r\nAuthorization: Bearer " + SignalTestApp.TOKEN + "\r\nContent-Length: " + 50 * 1024 * 1024
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]); // the first 64 KB; the rest is never sent
            out.flush();
            InputStream in = socket.getInputStream();
            String head = head(in);
            assertTrue(head.startsWith("HTTP/1.1 413"), head);
            int length = Integer.parseInt(head.lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                    .findFirst().orElseThrow().substring("content-length:".length()).strip());
            Map.Entry<Integer, String> status = status(in.readNBytes(length));
            assertEquals(8, status.getKey(), "RESOURCE_EXHAUSTED");
            assertTrue(status.getValue().startsWith("the body is over the limit of 10485760 bytes"), status.getValue());
        }
    }

    @Test
    void aSmallGzipThatUnpacksOverTheLimitIsRefusedWith413AndAStatus() throws IOException {
        byte[] bomb = gzippedZeros(11 * 1024 * 1024);
        assertTrue(bomb.length < 64 * 1024, "a tiny gzip: " + bomb.length);
        for (String type : List.of("application/x-protobuf", "application/json")) {
            HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(server.getURI().resolve("/v1/traces"))
                    .header("Content-Type", type).header("Content-Encoding", "gzip")
                    .header("Authorization", "Bearer " + SignalTestApp.TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bomb)));

            assertEquals(413, answer.statusCode(), type + ": " + new String(answer.body(), StandardCharsets.UTF_8));
            assertEquals(type, answer.headers().firstValue("Content-Type").orElse(""));
            Map.Entry<Integer, String> status = decode(type, answer.body());
            assertEquals(8, status.getKey(), "RESOURCE_EXHAUSTED");
            assertTrue(status.getValue().startsWith("the body is over the limit of 10485760 bytes"), status.getValue());
        }
    }

    @Test
    void theOtherSignalEndpointsLimitAGzipAfterUnpackingToo() {
        byte[] bomb;
        try {
            bomb = gzippedZeros(11 * 1024 * 1024);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String path : List.of("/signals/gateway", "/signals/litellm")) {
            HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(server.getURI().resolve(path))
                    .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                    .header("Authorization", "Bearer " + SignalTestApp.TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bomb)));

            assertEquals(413, answer.statusCode(), path + ": " + new String(answer.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void withoutTheTokenTheAnswerIsAStatusInTheRequestsEncoding() throws IOException {
        for (String type : List.of("application/x-protobuf", "application/json")) {
            HttpResponse<byte[]> answer = post(type, new byte[0], "wrong-token");

            assertEquals(401, answer.statusCode());
            assertEquals(type, answer.headers().firstValue("Content-Type").orElse(""));
            Map.Entry<Integer, String> status = decode(type, answer.body());
            assertEquals(16, status.getKey(), "UNAUTHENTICATED");
            assertEquals("the signal token is not valid", status.getValue());
        }
    }

    @Test
    void anotherContentTypeIsA415WithAStatus() throws IOException {
        HttpResponse<byte[]> answer = post("text/plain", "hello".getBytes(StandardCharsets.UTF_8), SignalTestApp.TOKEN);

        assertEquals(415, answer.statusCode());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
        Map.Entry<Integer, String> status = decode("application/json", answer.body());
        assertEquals(3, status.getKey(), "INVALID_ARGUMENT");
        assertTrue(status.getValue().contains("application/x-protobuf"), status.getValue());
    }

    static byte[] gzippedZeros(int size) throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
            byte[] zeros = new byte[64 * 1024];
            for (int written = 0; written < size; written += zeros.length) {
                gzip.write(zeros);
            }
        }
        return gzipped.toByteArray();
    }

    private static Map.Entry<Integer, String> decode(String type, byte[] body) throws IOException {
        if (type.equals("application/x-protobuf")) {
            return status(body);
        }
        JsonNode json = SignalTestApp.json(new String(body, StandardCharsets.UTF_8));
        return Map.entry(json.path("code").asInt(), json.path("message").asText());
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        return head.toString();
    }

    /** A {@code google.rpc.Status} in protobuf: its code and message. */
    private static Map.Entry<Integer, String> status(byte[] body) throws IOException {
        CodedInputStream status = CodedInputStream.newInstance(body);
        int code = 0;
        String message = "";
        for (int tag = status.readTag(); tag != 0; tag = status.readTag()) {
            if (tag == (1 << 3)) {
                code = status.readInt32();
            } else if (tag == (2 << 3 | 2)) {
                message = status.readString();
            } else {
                status.skipField(tag);
            }
        }
        return Map.entry(code, message);
    }
}
