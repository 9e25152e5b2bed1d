package dev.detour.incidents.audit;

import dev.detour.incidents.catalog.EnumWords;
import dev.detour.incidents.incident.TimelineEntry;

import java.util.regex.Pattern;

/**
 * What an audit record says happened, in its one text form, which is also how it is stored and shown:
 * {@code availability.changed}, {@code incident.opened}, {@code slack.root.failed}.
 */
public record AuditAction(String text) {
    private static final Pattern FORM = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*");

    public static final AuditAction AVAILABILITY_CHANGED = new AuditAction("availability.changed");
    public static final AuditAction ROUTE_CHANGED = new AuditAction("route.changed");
    public static final AuditAction ROUTE_OVERRIDE = new AuditAction("route.override");
    public static final AuditAction CONSENT_ANSWERED = new AuditAction("consent.answered");
    public static final AuditAction CONSENT_CLEARED = new AuditAction("consent.cleared");
    /** A previewed change was confirmed and applied; its {@code after} is the preview's version. */
    public static final AuditAction CHANGE_CONFIRMED = new AuditAction("change.confirmed");
    /** A whole-provider switch-off waits for a second on-call member; {@code after} is the preview's version. */
    public static final AuditAction APPROVAL_REQUESTED = new AuditAction("approval.requested");
    /** A second on-call member approved; the change was applied as previewed. */
    public static final AuditAction APPROVAL_GRANTED = new AuditAction("approval.granted");
    /** A press of Approve or Review that did not count; {@code reason} says why ({@code reason=self}, ...). */
    public static final AuditAction APPROVAL_REFUSED = new AuditAction("approval.refused");
    /** Nobody approved within {@code approval-timeout}: nothing changed. */
    public static final AuditAction APPROVAL_EXPIRED = new AuditAction("approval.expired");
    /** A switch-off applied at once on the person's own responsibility ({@code --now}, "Apply now"). */
    public static final AuditAction CHANGE_EMERGENCY = new AuditAction("change.emergency");
    /** A second on-call member reviewed an emergency apply. */
    public static final AuditAction CHANGE_REVIEWED = new AuditAction("change.reviewed");
    public static final AuditAction SIGNAL_FIRING = new AuditAction("signal.firing");
    public static final AuditAction SIGNAL_CLEARED = new AuditAction("signal.cleared");
    public static final AuditAction STATUS_PAGE_INCIDENT = new AuditAction("signal.statuspage-incident");

    public AuditAction {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("not an audit action: " + text);
        }
    }

    /** {@code incident.opened}, {@code incident.state-changed}, ...: a change recorded on an incident's timeline. */
    public static AuditAction incident(TimelineEntry.Type type) {
        return new AuditAction("incident." + EnumWords.of(type));
    }

    public static AuditAction signal(boolean firing) {
        return firing ? SIGNAL_FIRING : SIGNAL_CLEARED;
    }

    /** An outbox row of {@code topic} ({@code slack.root}, {@code flags.webhook}) was delivered. */
    public static AuditAction delivered(String topic) {
        return new AuditAction(topic);
    }

    /** An outbox row of {@code topic} was given up: {@code slack.root.failed}. */
    public static AuditAction deliveryFailed(String topic) {
        return new AuditAction(topic + ".failed");
    }

    @Override
    public String toString() {
        return text;
    }
}
