package dev.detour.incidents.support;

import dev.detour.incidents.catalog.TaskClassId;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A support post's words as data, in plain text (no Slack markup or escaping): what readers outside Slack (the
 * public status page, its feed) render. On-call's words are kept as they typed them.
 *
 * @param headline     the first line
 * @param body         the lines after the headline; empty when the post is one line
 * @param nextUpdateBy when the next post is promised, kept apart from the words: the promise is stale once a
 *                     newer post or the resolution exists, and readers decide whether to show it
 * @param features     what the post announced per feature, as data: the next post compares its own with these to
 *                     say what changed since; empty for a post that announces no feature (the resolution)
 */
public record SupportPostDraft(SupportPostKind kind, String headline, String body, Optional<Instant> nextUpdateBy,
                               Map<TaskClassId, FeatureState> features) {
    public SupportPostDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(nextUpdateBy, "nextUpdateBy");
        features = Map.copyOf(features);
    }

    /** A post that announces no feature's state. */
    public SupportPostDraft(SupportPostKind kind, String headline, String body, Optional<Instant> nextUpdateBy) {
        this(kind, headline, body, nextUpdateBy, Map.of());
    }

    /** A post that promises no next one. */
    public SupportPostDraft(SupportPostKind kind, String headline, String body) {
        this(kind, headline, body, Optional.empty());
    }
}
