package dev.detour.bot.signals;

import dev.detour.bot.api.ApiError;
import dev.detour.bot.api.BearerToken;
import dev.detour.bot.api.TokenSettings;
import dev.detour.bot.otlp.OtlpRefusal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * {@code /signals/*} and OTLP's {@code /v1/traces} need {@code DETOUR_SIGNAL_TOKEN}: as a bearer token, or as
 * {@code ?token=} for Statuspage and StatusGator, whose webhooks cannot send headers. OTLP exporters are refused
 * with a {@code google.rpc.Status} ({@code OtlpRefusal}). Without a configured token every signal is refused: a
 * health signal can switch providers off, so it is never open to anyone.
 */
@ServerFilter({"/signals/**", "/v1/traces"})
public class SignalTokenFilter {
    private final BearerToken token;

    public SignalTokenFilter(TokenSettings settings) {
        this.token = new BearerToken(settings.signalToken());
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> requireToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        boolean queryAllowed = request.getPath().startsWith("/signals/statuspage/")
                || request.getPath().equals("/signals/statusgator");
        if (token.acceptsHeader(header)
                || queryAllowed && token.accepts(request.getParameters().get("token"))) {
            return null;
        }
        String detail = !token.isSet() ? "Detour has no DETOUR_SIGNAL_TOKEN, so it takes no signals"
                : header == null && request.getParameters().get("token") == null
                ? "send Authorization: Bearer <DETOUR_SIGNAL_TOKEN>" + (queryAllowed ? " or ?token=" : "")
                : "the signal token is not valid";
        if (OtlpRefusal.isTraces(request)) {
            return OtlpRefusal.unauthenticated(request, detail) // OTLP/HTTP: a google.rpc.Status, not ApiError
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"detour-signals\"");
        }
        return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"detour-signals\"")
                .body(new ApiError("unauthorized", detail));
    }
}
