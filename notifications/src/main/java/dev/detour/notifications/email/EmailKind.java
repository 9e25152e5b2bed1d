package dev.detour.notifications.email;

import dev.detour.incidents.outbox.OutboxKind;

import java.util.Arrays;
import java.util.Optional;

/** The emails the outbox carries; {@link EmailDispatcher} takes every row whose topic starts {@code email.}. */
public enum EmailKind implements OutboxKind {
    /** The double opt-in email with the confirm link; destination: the subscriber's number. */
    CONFIRMATION("email.confirm", "email-confirmation"),
    /** A customer update to a confirmed subscriber; destination: the subscriber's number. */
    UPDATE("email.update", "email-update");

    public static final String TOPICS = "email.";

    private final String topic;
    private final String word;

    EmailKind(String topic, String word) {
        this.topic = topic;
        this.word = word;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public String word() {
        return word;
    }

    public static Optional<EmailKind> of(String word) {
        return Arrays.stream(values()).filter(kind -> kind.word.equals(word)).findFirst();
    }
}
