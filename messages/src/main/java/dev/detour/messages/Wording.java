package dev.detour.messages;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of Detour's messages, from the resource bundle {@code dev/detour/messages/wording.properties}, so
 * they can be translated: {@code wording_de.properties} and a German locale give German posts. Patterns are
 * {@link MessageFormat}s ({@code {0}} for arguments; an apostrophe is written twice). One instance serves the
 * whole service, in the language of {@code detour.language} (docs/configuration.md).
 */
public final class Wording {
    private final ResourceBundle bundle;
    private final Locale locale;

    /** A locale without a bundle of its own gets English, never the JVM's default locale's bundle. */
    public Wording(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("dev.detour.messages.wording", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The language's code, as {@code detour.language} names it: {@code en}, {@code de}. */
    public static Wording of(String language) {
        return new Wording(Locale.forLanguageTag(language));
    }

    /** {@code 4h 12m}, {@code 35m}, {@code 20s}: how long, in this language. */
    public String duration(Duration duration) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        if (hours > 0) {
            return get(WordKey.DURATION_HOURS, String.valueOf(hours), String.valueOf(minutes));
        }
        return minutes > 0 ? get(WordKey.DURATION_MINUTES, String.valueOf(minutes))
                : get(WordKey.DURATION_SECONDS, String.valueOf(duration.toSecondsPart()));
    }

    public String get(WordKey key, Object... arguments) {
        String pattern = bundle.getString(key.property());
        return arguments.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale)
                .format(arguments);
    }
}
