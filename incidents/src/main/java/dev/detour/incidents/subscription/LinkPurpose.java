package dev.detour.incidents.subscription;

import java.time.Duration;

/** What a link token may do, and for how long after it was sent. */
public enum LinkPurpose {
    /** The link in the confirmation email: short-lived, as it only proves the mailbox is the subscriber's. */
    CONFIRM("confirm", Duration.ofDays(2)),
    /** The link in every update: long-lived, so an old email still unsubscribes. */
    UNSUBSCRIBE("unsubscribe", Duration.ofDays(365));

    private final String word;
    private final Duration validFor;

    LinkPurpose(String word, Duration validFor) {
        this.word = word;
        this.validFor = validFor;
    }

    public String word() {
        return word;
    }

    public Duration validFor() {
        return validFor;
    }
}
