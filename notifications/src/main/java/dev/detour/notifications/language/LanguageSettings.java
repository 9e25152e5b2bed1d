package dev.detour.notifications.language;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The language of every message Detour writes (docs/configuration.md lists every setting). The default lives here,
 * on the record, and nowhere else.
 *
 * @param language {@code detour.language}: a language code such as {@code en}; a language without a bundle of its
 *                 own gets English
 */
@ConfigurationProperties("detour")
public record LanguageSettings(@Bindable(defaultValue = "en") String language) {
}
