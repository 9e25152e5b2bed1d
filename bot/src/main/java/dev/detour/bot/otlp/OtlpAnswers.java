package dev.detour.bot.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.CodedOutputStream;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * OTLP/HTTP answers in the request's encoding: an {@code ExportTraceServiceResponse} (with {@code partialSuccess}
 * only when spans were refused), or for a failed request a {@code google.rpc.Status} with its reason.
 */
final class OtlpAnswers {
    /** {@code google.rpc.Code.INVALID_ARGUMENT}. */
    static final int INVALID_ARGUMENT = 3;
    /** {@code google.rpc.Code.RESOURCE_EXHAUSTED}. */
    static final int RESOURCE_EXHAUSTED = 8;
    /** {@code google.rpc.Code.UNAUTHENTICATED}. */
    static final int UNAUTHENTICATED = 16;

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);

    private OtlpAnswers() {
    }

    static byte[] exported(boolean protobuf, long rejectedSpans, String errorMessage) {
        if (protobuf) {
            ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
            if (rejectedSpans > 0 || !errorMessage.isEmpty()) {
                response.setPartialSuccess(ExportTracePartialSuccess.newBuilder().setRejectedSpans(rejectedSpans)
                        .setErrorMessage(errorMessage));
            }
            return response.build().toByteArray();
        }
        if (rejectedSpans == 0 && errorMessage.isEmpty()) {
            return EMPTY_JSON;
        }
        return json(json -> {
            json.writeObjectFieldStart("partialSuccess");
            json.writeStringField("rejectedSpans", Long.toString(rejectedSpans)); // int64 is a string in OTLP JSON
            json.writeStringField("errorMessage", errorMessage);
            json.writeEndObject();
        });
    }

    /** A {@code google.rpc.Status}: {@code code} (field 1) and {@code message} (field 2). */
    static byte[] status(boolean protobuf, int code, String message) {
        if (protobuf) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            try {
                out.writeInt32(1, code);
                out.writeString(2, message);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
        return json(json -> {
            json.writeNumberField("code", code);
            json.writeStringField("message", message);
        });
    }

    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] json(Fields fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
