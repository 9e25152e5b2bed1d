package dev.detour.bot.publicstatus;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where people reach Detour, for the absolute links of the status page and feed: {@code detour.status.public-url}
 * when it is set (checked at start-up), otherwise the address each request names (Micronaut's host resolution:
 * {@code Forwarded}, {@code X-Forwarded-*}, {@code Host}). A client sets those headers at will, so a named address
 * is used only when it is an {@code http}/{@code https} origin with a well-formed host; anything else gives the
 * address Detour itself serves on.
 */
@Context
public class PublicAddress {
    static final String PROPERTY = "detour.status.public-url";
    /** The request headers host resolution reads besides {@code Host} (caches must keep their answers apart). */
    static final String FORWARDING_HEADERS = "Forwarded, X-Forwarded-Proto, X-Forwarded-Host, X-Forwarded-Port";

    private final Optional<String> configured;
    private final Provider<HttpHostResolver> hosts;
    private final Provider<EmbeddedServer> server;

    public PublicAddress(PublicStatusSettings settings, Provider<HttpHostResolver> hosts,
                         Provider<EmbeddedServer> server) {
        this.configured = Optional.ofNullable(settings.publicUrl()).map(String::strip).filter(url -> !url.isEmpty()).map(PublicAddress::checked);
        this.hosts = hosts;
        this.server = server;
    }

    public PublicStatusLinks links(HttpRequest<?> request) {
        return PublicStatusLinks.under(configured.orElseGet(() -> named(request).flatMap(PublicAddress::origin)
                .orElseGet(this::ownAddress)));
    }

    /** Links outside any request (emails): the configured public URL, else the address Detour serves on. */
    public PublicStatusLinks links() {
        return PublicStatusLinks.under(configured.orElseGet(this::ownAddress));
    }

    /** The address the request's headers name; Micronaut's parser throws on some ({@code X-Forwarded-Host: a:b}). */
    private Optional<String> named(HttpRequest<?> request) {
        try {
            return Optional.ofNullable(hosts.get().resolve(request));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Whether the links depend on the request's headers (they do unless the public URL is configured). */
    public boolean fromRequest() {
        return configured.isEmpty();
    }

    /**
     * {@code scheme://host[:port]} when {@code url} is exactly that, with an {@code http}/{@code https} scheme, a
     * host name, IPv4 address or bracketed IPv6 address, and a port from 1 to 65535 (as {@link URI} parses a
     * server-based authority); empty for anything else, e.g. {@code javascript://x} or {@code http://a b}.
     */
    static Optional<String> origin(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean web = scheme.equals("http") || scheme.equals("https");
        boolean bare = uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty()
                || uri.getRawPath().equals("/")) && uri.getRawQuery() == null && uri.getRawFragment() == null;
        boolean port = uri.getPort() == -1 || uri.getPort() >= 1 && uri.getPort() <= 65535;
        if (!web || uri.getHost() == null || !bare || !port) {
            return Optional.empty();
        }
        return Optional.of(scheme + "://" + uri.getRawAuthority());
    }

    private String ownAddress() {
        EmbeddedServer own = server.get();
        return origin(own.getScheme() + "://" + own.getHost() + ":" + own.getPort()).orElse("http://localhost");
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
