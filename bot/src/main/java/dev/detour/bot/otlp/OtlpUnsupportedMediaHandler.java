package dev.detour.bot.otlp;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.HttpStatusHandler;
import io.micronaut.http.server.exceptions.UnsupportedMediaException;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * A body in a content type the route does not read: on {@code /v1/traces} a 415 with a {@code google.rpc.Status}
 * naming the types it reads, as OTLP/HTTP specifies; elsewhere Micronaut's usual answer.
 */
@Singleton
public class OtlpUnsupportedMediaHandler implements ExceptionHandler<UnsupportedMediaException, HttpResponse<?>> {
    private final HttpStatusHandler usual;

    public OtlpUnsupportedMediaHandler(ErrorResponseProcessor<?> processor) {
        this.usual = new HttpStatusHandler(processor);
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, UnsupportedMediaException exception) {
        HttpRequest<?> typed = request;
        if (!OtlpRefusal.isTraces(typed)) {
            return usual.handle(request, exception);
        }
        String message = "the content type '" + exception.getContentType() + "' is not OTLP; send "
                + OtlpTraceController.PROTOBUF + " or " + MediaType.APPLICATION_JSON;
        return OtlpRefusal.refuse(typed, HttpStatus.UNSUPPORTED_MEDIA_TYPE, OtlpAnswers.INVALID_ARGUMENT, message);
    }
}
