package dev.detour.bot.api;

import io.micronaut.http.HttpStatus;

/** Thrown by controllers for input they cannot serve; answered as a 4xx with an {@link ApiError} body. */
public final class ApiProblem extends RuntimeException {
    private final HttpStatus status;
    private final String error;

    public ApiProblem(HttpStatus status, String error, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "bad_request", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not_found", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public ApiError body() {
        return new ApiError(error, getMessage());
    }
}
