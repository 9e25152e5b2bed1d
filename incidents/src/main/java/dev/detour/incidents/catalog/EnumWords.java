package dev.detour.incidents.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The words people type and read for enum values (config, commands, API): lowercase, dashes for underscores,
 * so {@code AWAITING_CONSENT} is {@code awaiting-consent}.
 */
public final class EnumWords {
    private EnumWords() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E>> Optional<E> parse(E[] values, String word) {
        return Arrays.stream(values).filter(value -> of(value).equals(word)).findFirst();
    }
}
