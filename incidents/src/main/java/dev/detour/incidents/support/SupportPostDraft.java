package dev.detour.incidents.support;

import java.util.Objects;

/**
 * A support post's words as data, in plain text (no Slack markup or escaping): what readers outside Slack (the
 * public status page, its feed) render. On-call's words are kept as they typed them.
 *
 * @param headline the first line
 * @param body     the lines after the headline; empty when the post is one line
 */
public record SupportPostDraft(SupportPostKind kind, String headline, String body) {
    public SupportPostDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(body, "body");
    }
}
