package dev.detour.bot.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A body Micronaut itself fails to read as JSON is answered in Detour's words, not Jackson's. */
class JsonErrorResponsesTest {
    @Test
    void anUnreadableJsonBodyIsDescribedWithoutTheParsersMessage() {
        JsonProcessingException cause = assertThrows(JsonProcessingException.class,
                () -> new ObjectMapper().readTree("{\"a\": ["));
        ErrorContext context = ErrorContext.builder(HttpRequest.POST("/somewhere", "{\"a\": ["))
                .cause(new IllegalArgumentException("Failed to convert argument [body]: " + cause.getMessage(), cause))
                .errorMessage("Failed to convert argument [body]: " + cause.getMessage()).build();

        ApiError answer = new JsonErrorResponses().processResponse(context, HttpResponse.badRequest()).body();

        assertEquals(new ApiError("bad_request", "line 1, column 8: the body ends before its JSON is complete"),
                answer);
    }

    @Test
    void otherClientErrorsKeepTheirMessage() {
        ErrorContext context = ErrorContext.builder(HttpRequest.GET("/nothing")).errorMessage("Page Not Found")
                .build();

        assertEquals(new ApiError("not_found", "Page Not Found"),
                new JsonErrorResponses().processResponse(context, HttpResponse.notFound()).body());
    }
}
