package dev.detour.incidents.recovery;

import dev.detour.incidents.catalog.EnumWords;

import java.util.Optional;

/** Where a ramp stands (docs/recovery.md). */
public enum RampState {
    /** At a step, waiting out its hold. */
    RUNNING,
    /** Kept at its step by a person: no step is taken until resumed. */
    PAUSED,
    /** Back to 0% after its evidence crossed a limit; on-call is asked to retry or keep it off. */
    ROLLED_BACK,
    /** At 100%: the target is on again. */
    COMPLETED,
    /** Ended by a person or by "Keep off": the target stays off. */
    ABORTED;

    /** Whether the ramp still holds its target: running, paused or waiting for an answer after a rollback. */
    public boolean active() {
        return this == RUNNING || this == PAUSED || this == ROLLED_BACK;
    }

    /** The stored and API word: {@code running}, {@code paused}, {@code rolled-back}, ... */
    public String word() {
        return EnumWords.of(this);
    }

    public static Optional<RampState> fromWord(String word) {
        return EnumWords.parse(values(), word);
    }
}
