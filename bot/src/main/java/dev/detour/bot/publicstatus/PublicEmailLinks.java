package dev.detour.bot.publicstatus;

import dev.detour.incidents.subscription.LinkToken;
import dev.detour.notifications.email.EmailLinks;
import jakarta.inject.Singleton;

import java.net.URI;

/**
 * The links in emails, under the status page's public address ({@code detour.status.public-url}; without it the
 * address Detour serves on, which readers outside may not reach: set it wherever email is on, docs/status.md).
 */
@Singleton
public class PublicEmailLinks implements EmailLinks {
    static final String CONFIRM = "/status/subscribe/confirm";
    static final String UNSUBSCRIBE = "/status/unsubscribe";

    private final PublicAddress address;

    public PublicEmailLinks(PublicAddress address) {
        this.address = address;
    }

    @Override
    public URI statusPage() {
        return address.links().page();
    }

    @Override
    public URI confirm(LinkToken token) {
        return URI.create(statusPage() + CONFIRM.substring("/status".length()) + "?token=" + token.value());
    }

    @Override
    public URI unsubscribe(LinkToken token) {
        return URI.create(statusPage() + UNSUBSCRIBE.substring("/status".length()) + "?token=" + token.value());
    }
}
