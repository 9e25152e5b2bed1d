package dev.detour.bot.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;


/**
 * {@code /api/*}, OFREP (its event stream included) and flagd sync need
 * {@code Authorization: Bearer <DETOUR_API_TOKEN>} when that token is set.
 */
@ServerFilter({"/api/**", "/ofrep/**", "/flagd/**"})
public class ApiTokenFilter {
    private final BearerToken token;

    public ApiTokenFilter(TokenSettings settings) {
        this.token = new BearerToken(settings.apiToken());
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ApiError> requireToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (!token.isSet() || token.acceptsHeader(header)) {
            return null;
        }
        return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"detour\"")
                .body(new ApiError("unauthorized", header == null
                        ? "send Authorization: Bearer <DETOUR_API_TOKEN>" : "the bearer token is not valid"));
    }
}
