package dev.detour.notifications.email;

import dev.detour.incidents.subscription.LinkToken;

import java.net.URI;

/** Where the links in emails point: the public status page's address, known to the application ({@code bot}). */
public interface EmailLinks {
    URI statusPage();

    URI confirm(LinkToken token);

    URI unsubscribe(LinkToken token);
}
