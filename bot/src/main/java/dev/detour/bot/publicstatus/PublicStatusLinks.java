package dev.detour.bot.publicstatus;

import java.net.URI;

/**
 * The absolute addresses of the three public endpoints, under one base URL (e.g. {@code https://status.example.com}
 * or {@code https://example.com/detour}).
 */
public record PublicStatusLinks(URI page, URI json, URI feed) {
    public static PublicStatusLinks under(String base) {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return new PublicStatusLinks(URI.create(root + "/status"), URI.create(root + "/status.json"),
                URI.create(root + "/status/feed.atom"));
    }
}
