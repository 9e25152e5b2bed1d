package dev.detour.incidents.flags;

import java.util.List;
import java.util.Objects;

/**
 * The flags apps read were swapped for a different set after a commit: {@code before} is what they read until
 * now, {@code after} what they read from now on. Told in process only (metrics); pushes to apps go through the
 * outbox.
 */
public record FlagsChanged(FlagSet before, FlagSet after) {
    public FlagsChanged {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** The flags whose value an app reads differently now (a change of variant or metadata alone is not one). */
    public List<Flag> valueChanges() {
        return after.all().stream()
                .filter(flag -> before.get(flag.key()).map(old -> !old.value().equals(flag.value())).orElse(true))
                .toList();
    }
}
