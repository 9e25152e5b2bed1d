package dev.detour.incidents.catalog;

import java.util.Optional;

/** What a task class does when its current model becomes unavailable (docs/routing.md). */
public enum FailoverMode {
    /** Move to the next available model of the route at once. */
    AUTO,
    /** Pause and ask on-call whether to move. */
    CONSENT,
    /** Pause until a model of the route returns. */
    STOP;

    /** The word used in config files and commands: {@code auto}, {@code consent}, {@code stop}. */
    public String word() {
        return EnumWords.of(this);
    }

    public static Optional<FailoverMode> fromWord(String word) {
        return EnumWords.parse(values(), word);
    }
}
