package dev.detour.messages;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of Detour's messages, from the resource bundle {@code dev/detour/messages/wording.properties}, so
 * they can be translated: {@code wording_de.properties} and a German locale give German posts. Patterns are
 * {@link MessageFormat}s ({@code {0}} for arguments; an apostrophe is written twice).
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

    public static Wording english() {
        return new Wording(Locale.ROOT);
    }

    public String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale)
                .format(arguments);
    }
}
