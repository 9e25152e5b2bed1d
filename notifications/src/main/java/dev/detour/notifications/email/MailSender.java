package dev.detour.notifications.email;

/** Hands emails to a mail server: SMTP ({@link SmtpMailSender}); tests use a real SMTP server (GreenMail). */
public interface MailSender {
    MailResult send(Email email);
}
