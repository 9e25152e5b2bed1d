package dev.detour.bot.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * Gives the errors Micronaut itself answers (no such route, wrong method, unreadable body, a bug) the same
 * {@code {"error","detail"}} shape as Detour's own, and never shows a stack trace or exception text for a 500.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class JsonErrorResponses implements ErrorResponseProcessor<ApiError> {
    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        String detail;
        if (status.getCode() >= 500) {
            detail = "Detour could not complete the request; the server log has the details";
        } else {
            detail = jsonProblem(context.getRootCause().orElse(null)).orElseGet(() -> context.getErrors().stream()
                    .map(Error::getMessage).findFirst().orElse(status.getReason()));
        }
        String code = status.name().toLowerCase(Locale.ROOT);
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(new ApiError(code, detail));
    }

    /** A body Micronaut could not read as JSON is described in Detour's words, never in the parser's message. */
    private static Optional<String> jsonProblem(Throwable cause) {
        for (Throwable at = cause; at != null; at = at.getCause()) {
            if (at instanceof JsonProcessingException json) {
                return Optional.of(JsonProblems.describe(json));
            }
        }
        return Optional.empty();
    }
}
