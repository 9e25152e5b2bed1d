package dev.detour.bot.publicstatus;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The absolute addresses of the public endpoints, under one base URL (e.g. {@code https://status.example.com}
 * or {@code https://example.com/detour}).
 */
public record PublicStatusLinks(URI page, URI json, URI feed) {
    public static PublicStatusLinks under(String base) {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return new PublicStatusLinks(URI.create(root + "/status"), URI.create(root + "/status.json"),
                URI.create(root + "/status/feed.atom"));
    }

    /** The page of one incident, by its public id. */
    public URI incident(String publicId) {
        return URI.create(page + "/incidents/" + URLEncoder.encode(publicId, StandardCharsets.UTF_8));
    }
}
