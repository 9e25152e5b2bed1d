package dev.detour.notifications.email;

/** How handing an email to the SMTP server ended. */
public sealed interface MailResult {
    record Sent() implements MailResult {
    }

    /** The server or the connection failed for now (4xx, timeout): try again later. */
    record Retry(String error) implements MailResult {
    }

    /** The server refused this email for good (5xx, e.g. no such mailbox). */
    record Failed(String error) implements MailResult {
    }
}
