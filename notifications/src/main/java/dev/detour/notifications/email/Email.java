package dev.detour.notifications.email;

import dev.detour.incidents.subscription.EmailAddress;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One plain-text email, ready to send.
 *
 * @param unsubscribe the one-click unsubscribe link (RFC 8058), sent as {@code List-Unsubscribe} with
 *                    {@code List-Unsubscribe-Post}; empty for the confirmation, which subscribes nobody yet
 */
public record Email(EmailAddress to, String subject, String text, Optional<URI> unsubscribe) {
    public Email {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(unsubscribe, "unsubscribe");
    }
}
