package dev.detour.bot.otlp;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * A body over {@code micronaut.server.max-request-size}, refused from its {@code Content-Length} before it is read:
 * on {@code /v1/traces} a 413 with a {@code google.rpc.Status} in the request's encoding, as OTLP/HTTP specifies;
 * elsewhere Micronaut's usual answer.
 */
@Singleton
@Replaces(ContentLengthExceededHandler.class)
public class OtlpTooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {
    private final ContentLengthExceededHandler usual;
    private final long limit;

    public OtlpTooLargeHandler(ErrorResponseProcessor<?> processor, HttpServerConfiguration server) {
        this.usual = new ContentLengthExceededHandler(processor);
        this.limit = server.getMaxRequestSize();
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
        HttpRequest<?> typed = request;
        if (!OtlpRefusal.isTraces(typed)) {
            return usual.handle(request, exception);
        }
        String message = "the body is over the limit of " + limit + " bytes; send smaller exports (the Collector's"
                + " batch processor: send_batch_max_size)";
        return OtlpRefusal.refuse(typed, HttpStatus.REQUEST_ENTITY_TOO_LARGE, OtlpAnswers.RESOURCE_EXHAUSTED, message);
    }
}
