package dev.detour.incidents.incident;

import java.util.List;
import java.util.Optional;

/**
 * What on-call says when resolving: the summary, the cause, and the follow-ups, kept apart so the manager
 * summary can show each (docs/slack.md, the resolve form); and the part for customers, when on-call gave one
 * ({@code --public}, the form's "For customers"), which support and the public page read (docs/status.md).
 *
 * @param customer the text customers read, as it will be shown; empty when on-call gave none
 */
public record Resolution(String summary, String cause, List<FollowUp> followUps, String customer) {
    /** Follow-ups a resolution keeps; the form and the command refuse more. */
    public static final int MAX_FOLLOW_UPS = 10;

    public Resolution {
        summary = summary == null ? "" : summary.strip();
        cause = cause == null ? "" : TextLimits.clip(cause.strip(), TextLimits.TEXT);
        followUps = List.copyOf(followUps == null ? List.of() : followUps.subList(0,
                Math.min(followUps.size(), MAX_FOLLOW_UPS)));
        customer = customer == null ? "" : TextLimits.clip(customer.strip(), TextLimits.TEXT);
    }

    /** A resolution with no part for customers. */
    public Resolution(String summary, String cause, List<FollowUp> followUps) {
        this(summary, cause, followUps, "");
    }

    /** The part for customers, when on-call gave one. */
    public Optional<String> forCustomers() {
        return customer.isEmpty() ? Optional.empty() : Optional.of(customer);
    }

    public static Resolution summary(String summary) {
        return new Resolution(summary, "", List.of());
    }
}
