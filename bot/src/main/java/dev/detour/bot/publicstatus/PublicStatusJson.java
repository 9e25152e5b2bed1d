package dev.detour.bot.publicstatus;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /status.json}: the public status for programs, display names only, ISO-8601 UTC times, {@code null}
 * for "none".
 *
 * @param state {@code operational} when every feature is on its usual model, else {@code degraded}
 */
public record PublicStatusJson(Instant updated, String state, List<Feature> features, List<Post> posts) {
    public static final String OPERATIONAL = "operational";
    public static final String DEGRADED = "degraded";

    static PublicStatusJson of(PublicStatus status) {
        return new PublicStatusJson(status.updated(), status.operational() ? OPERATIONAL : DEGRADED,
                status.features().stream().map(feature -> new Feature(feature.name(), feature.state(),
                        feature.model().orElse(null), feature.since().orElse(null))).toList(),
                status.posts().stream().map(post -> new Post(post.at(), post.title(), post.text(), post.kind()))
                        .toList());
    }

    /**
     * @param model the model serving it now; {@code null} while it is paused
     * @param since when it took this state; {@code null} when it never changed
     */
    public record Feature(String name, FeatureState state, String model, Instant since) {
    }

    /** @param kind {@code status}, {@code update} or {@code all-clear} */
    public record Post(Instant at, String title, String text, String kind) {
    }
}
