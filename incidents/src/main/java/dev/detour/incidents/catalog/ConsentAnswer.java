package dev.detour.incidents.catalog;

import java.util.Optional;

/** An answer to a fallback question: may the task class move to the offered model? */
public enum ConsentAnswer {
    APPROVE,
    DENY;

    /** The word used in config files and commands: {@code approve}, {@code deny}. */
    public String word() {
        return EnumWords.of(this);
    }

    public static Optional<ConsentAnswer> fromWord(String word) {
        return EnumWords.parse(values(), word);
    }
}
