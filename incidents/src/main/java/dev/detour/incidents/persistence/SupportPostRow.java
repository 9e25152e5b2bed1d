package dev.detour.incidents.persistence;

import dev.detour.incidents.incident.TextLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A post for support staff as data, written with the outbox row that posts it to Slack. */
@MappedEntity("support_post")
public record SupportPostRow(@Id @GeneratedValue @Nullable Long id, long incidentId, String kind, String headline,
                             String body, Instant createdAt, @Nullable Instant nextUpdateBy,
                             @Nullable String features) {
    /** Column sizes, as V21 declares them. */
    static final int HEADLINE = 500;
    /** Slack cuts a message's text there too. */
    static final int BODY = 40_000;

    public SupportPostRow {
        headline = TextLimits.clip(headline, HEADLINE);
        body = TextLimits.clip(body, BODY);
    }
}
