package dev.detour.bot.status;

import java.net.URI;

/**
 * The absolute addresses of the three public endpoints, under one base URL (e.g. {@code https://status.example.com}
 * or {@code https://example.com/detour}).
 */
public record StatusLinks(URI page, URI json, URI feed) {
    public static StatusLinks under(String base) {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return new StatusLinks(URI.create(root + "/status"), URI.create(root + "/status.json"),
                URI.create(root + "/status/feed.atom"));
    }
}
