package dev.detour.bot.publicstatus;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Optional;

/**
 * Detour's public status page (docs/status.md; docs/configuration.md lists every setting). Defaults live here, on
 * the record, and nowhere else.
 *
 * @param publicUrl    {@code detour.status.public-url}: where people reach Detour, the base of the page's links;
 *                     absent or blank: the host each request names
 * @param maxAge       {@code detour.status.max-age}: how long browsers and proxies may keep the page, JSON and feed
 * @param title        {@code detour.status.title}: the page's heading and the feed's title
 * @param organization {@code detour.status.organization}: whose AI features these are, named under the heading;
 *                     absent or blank: not named
 * @param contactUrl   {@code detour.status.contact-url}: where readers reach support (an http(s) or mailto URL);
 *                     absent or blank: no contact link
 */
@ConfigurationProperties("detour.status")
public record PublicStatusSettings(@Nullable String publicUrl, @Bindable(defaultValue = "30s") Duration maxAge,
                                   @Bindable(defaultValue = "AI feature status") String title,
                                   @Nullable String organization, @Nullable String contactUrl) {
    public PublicStatusSettings {
        title = title == null || title.isBlank() ? "AI feature status" : title.strip();
    }

    public Optional<String> organizationName() {
        return Optional.ofNullable(organization).map(String::strip).filter(name -> !name.isEmpty());
    }

    public Optional<String> contact() {
        return Optional.ofNullable(contactUrl).map(String::strip).filter(url -> !url.isEmpty());
    }
}
