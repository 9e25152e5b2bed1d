package dev.detour.bot.otlp;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * A refused {@code /v1/traces} request answered as OTLP/HTTP specifies (docs/signals.md, "OpenTelemetry GenAI
 * spans"): a {@code google.rpc.Status} in the request's encoding, protobuf for {@code application/x-protobuf}, its
 * JSON for anything else, never Detour's own JSON error shape.
 */
public final class OtlpRefusal {
    /** The path OTLP/HTTP exporters post traces to. */
    public static final String PATH = "/v1/traces";

    private OtlpRefusal() {
    }

    /** Whether the request is an OTLP trace export, which gets its refusals as {@code google.rpc.Status}. */
    public static boolean isTraces(HttpRequest<?> request) {
        return request.getPath().equals(PATH);
    }

    public static MutableHttpResponse<byte[]> unauthenticated(HttpRequest<?> request, String message) {
        return refuse(request, HttpStatus.UNAUTHORIZED, OtlpAnswers.UNAUTHENTICATED, message);
    }

    static MutableHttpResponse<byte[]> refuse(HttpRequest<?> request, HttpStatus status, int code, String message) {
        boolean protobuf = isProtobuf(request);
        return HttpResponse.<byte[]>status(status)
                .contentType(protobuf ? OtlpTraceController.PROTOBUF : MediaType.APPLICATION_JSON)
                .body(OtlpAnswers.status(protobuf, code, message));
    }

    static boolean isProtobuf(HttpRequest<?> request) {
        return request.getContentType().map(type -> type.getName().equals(OtlpTraceController.PROTOBUF))
                .orElse(false);
    }
}
