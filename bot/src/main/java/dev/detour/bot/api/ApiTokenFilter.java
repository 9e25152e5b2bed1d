package dev.detour.bot.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** {@code /api/*} needs {@code Authorization: Bearer <DETOUR_API_TOKEN>} when that token is set. */
@ServerFilter("/api/**")
public class ApiTokenFilter {
    private static final String BEARER = "Bearer "; // the scheme is case-insensitive (RFC 7235)

    private final byte[] token;

    public ApiTokenFilter(@Value("${detour.api-token:}") String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ApiError> requireToken(HttpRequest<?> request) {
        if (token.length == 0) {
            return null;
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                // Constant-time, so response timing does not reveal how much of a guess was right.
                && MessageDigest.isEqual(token, header.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"detour\"")
                .body(new ApiError("unauthorized", header == null
                        ? "send Authorization: Bearer <DETOUR_API_TOKEN>" : "the bearer token is not valid"));
    }
}
