package dev.detour.incidents.incident;

import java.util.List;

/**
 * What on-call says when resolving: the summary, the cause, and the follow-ups, kept apart so the manager
 * summary can show each (docs/slack.md, the resolve form).
 */
public record Resolution(String summary, String cause, List<FollowUp> followUps) {
    /** Follow-ups a resolution keeps; the form and the command refuse more. */
    public static final int MAX_FOLLOW_UPS = 10;

    public Resolution {
        summary = summary == null ? "" : summary.strip();
        cause = cause == null ? "" : TextLimits.clip(cause.strip(), TextLimits.TEXT);
        followUps = List.copyOf(followUps == null ? List.of() : followUps.subList(0,
                Math.min(followUps.size(), MAX_FOLLOW_UPS)));
    }

    public static Resolution summary(String summary) {
        return new Resolution(summary, "", List.of());
    }
}
