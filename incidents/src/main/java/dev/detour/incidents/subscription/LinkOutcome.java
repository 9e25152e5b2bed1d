package dev.detour.incidents.subscription;

/** What following a confirm or unsubscribe link did; an unknown or expired link is a value, not an exception. */
public enum LinkOutcome {
    CONFIRMED, ALREADY_CONFIRMED, UNSUBSCRIBED, UNKNOWN_OR_EXPIRED
}
