package dev.detour.bot.status;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import jakarta.inject.Provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where people reach Detour, for the absolute links of the status page and feed: {@code detour.status.public-url}
 * when it is set (checked at start-up), otherwise the host each request names (Micronaut's host resolution).
 */
@Context
public class PublicAddress {
    static final String PROPERTY = "detour.status.public-url";

    private final Optional<String> configured;
    private final Provider<HttpHostResolver> hosts;

    public PublicAddress(@Value("${" + PROPERTY + ":}") String publicUrl, Provider<HttpHostResolver> hosts) {
        this.configured = Optional.of(publicUrl.strip()).filter(url -> !url.isEmpty()).map(PublicAddress::checked);
        this.hosts = hosts;
    }

    public StatusLinks links(HttpRequest<?> request) {
        return StatusLinks.under(configured.orElseGet(() -> hosts.get().resolve(request)));
    }

    private static String checked(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigurationException(PROPERTY + " (DETOUR_STATUS_PUBLIC_URL) must be an absolute http(s) URL"
                    + " without query or fragment, e.g. https://status.example.com; it is '" + url + "'");
        }
        return url;
    }
}
