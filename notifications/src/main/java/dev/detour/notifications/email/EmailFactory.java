package dev.detour.notifications.email;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** SMTP only when a host is set (detour.email.smtp-host); without one no email is offered or sent. */
@Factory
public class EmailFactory {
    @Singleton
    @Requires(property = "detour.email.smtp-host", pattern = ".*\\S.*")
    public MailSender smtp(EmailSettings settings) {
        return new SmtpMailSender(settings);
    }
}
