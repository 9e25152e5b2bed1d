package dev.detour.bot.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/** Reads an {@code ExportTraceServiceRequest} in protobuf ({@code application/x-protobuf}). */
final class OtlpProtobufReader {
    private final GenAiSpans spans;

    OtlpProtobufReader(GenAiSpans spans) {
        this.spans = spans;
    }

    OtlpTally read(byte[] body) throws MalformedTraces {
        ExportTraceServiceRequest request;
        try {
            request = ExportTraceServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedTraces("the body is not an OTLP ExportTraceServiceRequest in protobuf: "
                    + describe(e));
        }
        OtlpTally tally = new OtlpTally();
        SpanFacts facts = new SpanFacts();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    facts.clear();
                    for (KeyValue attribute : span.getAttributesList()) {
                        String key = attribute.getKey();
                        if (!SpanFacts.wanted(key)) {
                            continue;
                        }
                        AnyValue value = attribute.getValue();
                        switch (value.getValueCase()) {
                            case STRING_VALUE -> facts.attribute(key, value.getStringValue());
                            case INT_VALUE -> facts.attribute(key, value.getIntValue());
                            default -> {
                            }
                        }
                    }
                    facts.statusCode = span.getStatus().getCodeValue();
                    facts.startNanos = span.getStartTimeUnixNano();
                    facts.endNanos = span.getEndTimeUnixNano();
                    spans.judge(facts, tally);
                }
            }
        }
        return tally;
    }

    /** The parser's reason without its advice to the programmer. */
    private static String describe(InvalidProtocolBufferException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        int cut = message.indexOf("  ");
        return (cut > 0 ? message.substring(0, cut) : message).strip();
    }
}
