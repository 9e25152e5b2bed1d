package dev.detour.incidents.support;

import java.time.Instant;
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
 */
public record SupportPostDraft(SupportPostKind kind, String headline, String body, Optional<Instant> nextUpdateBy) {
    public SupportPostDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(nextUpdateBy, "nextUpdateBy");
    }

    /** A post that promises no next one. */
    public SupportPostDraft(SupportPostKind kind, String headline, String body) {
        this(kind, headline, body, Optional.empty());
    }
}
