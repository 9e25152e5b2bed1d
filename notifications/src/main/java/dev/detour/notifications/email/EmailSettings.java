package dev.detour.notifications.email;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.Optional;

/**
 * Customer updates by email (docs/status.md, "Follow updates"; docs/configuration.md lists every setting). Off
 * while no SMTP host is set: the status page offers no form then. Defaults live here, on the record, and nowhere
 * else.
 *
 * @param smtpHost           {@code detour.email.smtp-host}: the SMTP server; absent or blank: no email at all
 * @param smtpPort           {@code detour.email.smtp-port}: its port (587 is submission with STARTTLS)
 * @param username           {@code detour.email.username}: SMTP login, when the server asks for one
 * @param password           {@code detour.email.password}: its password (a secret: from the environment)
 * @param from               {@code detour.email.from}: the sender of every email
 * @param subscribePerMinute {@code detour.email.subscribe-per-minute}: subscribe requests taken per minute, from
 *                           everyone together; more are answered 429, so the form cannot be used to flood inboxes
 */
@ConfigurationProperties("detour.email")
public record EmailSettings(@Nullable String smtpHost,
                            @Bindable(defaultValue = "587") int smtpPort,
                            @Nullable String username,
                            @Nullable String password,
                            @Bindable(defaultValue = "detour@localhost") String from,
                            @Bindable(defaultValue = "30") int subscribePerMinute) {

    /** The SMTP host, when email is on. */
    public Optional<String> host() {
        return Optional.ofNullable(smtpHost).map(String::strip).filter(host -> !host.isEmpty());
    }

    public boolean enabled() {
        return host().isPresent();
    }

    @Override
    public String toString() {
        return "EmailSettings[smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", from=" + from + "]";
    }
}
