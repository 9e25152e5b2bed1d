package dev.detour.notifications.language;

import dev.detour.messages.Wording;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The {@link Wording} of the service, in the configured language. It is built here because {@code messages}
 * renders only and knows nothing of Micronaut; every renderer and handler has it injected.
 */
@Factory
public class WordingFactory {
    /** The name of the English wording the HTTP API answers in (docs/api.md), whatever {@code detour.language}. */
    public static final String API = "api";

    /** What people read in Slack. */
    @Singleton
    @Primary
    Wording wording(LanguageSettings settings) {
        return Wording.of(settings.language());
    }

    /** API answers are for programs and logs as much as for people, so they stay in one language. */
    @Singleton
    @Named(API)
    Wording apiWording() {
        return Wording.of("en");
    }
}
