package dev.detour.bot.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Singleton
public class ApiProblemHandler implements ExceptionHandler<ApiProblem, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ApiProblem problem) {
        return HttpResponse.<ApiError>status(problem.status()).body(problem.body());
    }
}
