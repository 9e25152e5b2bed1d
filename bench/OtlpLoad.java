import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

import com.google.protobuf.ByteString;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for POST /v1/traces: CONCURRENCY senders post OTLP trace exports of BATCH GenAI client spans
 * (protobuf, or OTLP JSON with ENCODING=json; about 2% 529s over the example config's models, some named by alias,
 * so no model crosses a threshold) for SECONDS, and print the spans counted per second every REPORT seconds, then
 * the total. Needs opentelemetry-proto and protobuf-java on the class path (bench/otlp.sh finds them in ~/.m2):
 *   java -cp PROTO_JARS bench/OtlpLoad.java http://127.0.0.1:18083 TOKEN SECONDS CONCURRENCY BATCH REPORT protobuf|json
 */
public class OtlpLoad {
    private static final String[][] MODELS = {
            {"anthropic", "claude-opus-4-8-20260514"}, {"anthropic", "claude-opus-4-7"},
            {"anthropic", "claude-sonnet-4-6"}, {"openai", "gpt-5"}};

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0] + "/v1/traces");
        String token = args[1];
        long seconds = Long.parseLong(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        long report = Long.parseLong(args[5]);
        boolean json = args.length > 6 && args[6].equals("json");

        List<byte[]> bodies = json ? jsonBodies(batch, 16) : protobufBodies(batch, 16);
        System.out.printf("%s bodies of %d spans: %,d bytes each%n", json ? "JSON" : "protobuf", batch,
                bodies.get(0).length);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong counted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            int offset = i;
            Thread sender = new Thread(() -> {
                int n = offset;
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(url)
                            .header("Content-Type", json ? "application/json" : "application/x-protobuf")
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(n++ % bodies.size())))
                            .build();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        // A full success has no partialSuccess: {} in JSON, an empty message in protobuf.
                        if (response.statusCode() == 200 && response.body().length <= 2) {
                            counted.addAndGet(batch);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
            });
            sender.start();
            senders.add(sender);
        }
        long started = System.nanoTime();
        long previous = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(report * 1000);
            long now = counted.get();
            System.out.printf("t=%4ds  %,10d spans/s%n", (System.nanoTime() - started) / 1_000_000_000L,
                    (now - previous) / report);
            previous = now;
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf("total: %,d spans in %.1f s = %,.0f spans/s; %d requests refused, partly refused or failed%n",
                counted.get(), elapsed, counted.get() / elapsed, refused.get());
    }

    /** One GenAI chat span as OpenLLMetry-style instrumentation writes it. */
    private record Call(byte[] traceId, byte[] spanId, String provider, String model, int status, long start, long end) {
    }

    private static List<Call> calls(Random random, int batch) {
        long now = System.currentTimeMillis() * 1_000_000L;
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            String[] model = MODELS[random.nextInt(MODELS.length)];
            byte[] trace = new byte[16];
            byte[] span = new byte[8];
            random.nextBytes(trace);
            random.nextBytes(span);
            long took = (200 + random.nextInt(3000)) * 1_000_000L;
            calls.add(new Call(trace, span, model[0], model[1], random.nextInt(50) == 0 ? 529 : 200, now - took, now));
        }
        return calls;
    }

    private static KeyValue text(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static KeyValue number(String key, long value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
    }

    private static List<byte[]> protobufBodies(int batch, int count) {
        Random random = new Random(1);
        List<byte[]> bodies = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            ScopeSpans.Builder scope = ScopeSpans.newBuilder()
                    .setScope(InstrumentationScope.newBuilder().setName("opentelemetry.instrumentation.openai"));
            for (Call call : calls(random, batch)) {
                Span.Builder span = Span.newBuilder().setTraceId(ByteString.copyFrom(call.traceId()))
                        .setSpanId(ByteString.copyFrom(call.spanId())).setName("chat " + call.model())
                        .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                        .setStartTimeUnixNano(call.start()).setEndTimeUnixNano(call.end())
                        .addAttributes(text("gen_ai.operation.name", "chat"))
                        .addAttributes(text("gen_ai.provider.name", call.provider()))
                        .addAttributes(text("gen_ai.request.model", call.model()))
                        .addAttributes(text("gen_ai.response.model", call.model()))
                        .addAttributes(number("gen_ai.usage.input_tokens", 1200))
                        .addAttributes(number("gen_ai.usage.output_tokens", 300))
                        .addAttributes(text("server.address", "api." + call.provider() + ".com"))
                        .addAttributes(number("http.response.status_code", call.status()));
                if (call.status() != 200) {
                    span.addAttributes(text("error.type", Integer.toString(call.status())))
                            .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR));
                }
                scope.addSpans(span);
            }
            bodies.add(ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                    .setResource(Resource.newBuilder().addAttributes(text("service.name", "support-assistant")))
                    .addScopeSpans(scope)).build().toByteArray());
        }
        return bodies;
    }

    private static List<byte[]> jsonBodies(int batch, int count) {
        Random random = new Random(1);
        HexFormat hex = HexFormat.of();
        List<byte[]> bodies = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            StringBuilder body = new StringBuilder(batch * 900).append("{\"resourceSpans\":[{\"resource\":{")
                    .append("\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":")
                    .append("\"support-assistant\"}}]},\"scopeSpans\":[{\"scope\":{\"name\":")
                    .append("\"opentelemetry.instrumentation.openai\"},\"spans\":[");
            List<Call> calls = calls(random, batch);
            for (int i = 0; i < calls.size(); i++) {
                Call call = calls.get(i);
                body.append(i == 0 ? "" : ",").append("{\"traceId\":\"").append(hex.formatHex(call.traceId()))
                        .append("\",\"spanId\":\"").append(hex.formatHex(call.spanId())).append("\",\"name\":\"chat ")
                        .append(call.model()).append("\",\"kind\":3,\"startTimeUnixNano\":\"").append(call.start())
                        .append("\",\"endTimeUnixNano\":\"").append(call.end()).append("\",\"attributes\":[")
                        .append(attr("gen_ai.operation.name", "chat")).append(',')
                        .append(attr("gen_ai.provider.name", call.provider())).append(',')
                        .append(attr("gen_ai.request.model", call.model())).append(',')
                        .append(attr("gen_ai.response.model", call.model())).append(',')
                        .append("{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":\"1200\"}},")
                        .append("{\"key\":\"gen_ai.usage.output_tokens\",\"value\":{\"intValue\":\"300\"}},")
                        .append(attr("server.address", "api." + call.provider() + ".com")).append(',')
                        .append("{\"key\":\"http.response.status_code\",\"value\":{\"intValue\":\"")
                        .append(call.status()).append("\"}}");
                if (call.status() != 200) {
                    body.append(',').append(attr("error.type", Integer.toString(call.status())))
                            .append("],\"status\":{\"code\":2}}");
                } else {
                    body.append("],\"status\":{}}");
                }
            }
            bodies.add(body.append("]}]}]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static String attr(String key, String value) {
        return "{\"key\":\"" + key + "\",\"value\":{\"stringValue\":\"" + value + "\"}}";
    }
}
