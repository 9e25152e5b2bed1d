package dev.detour.incidents.recovery;

import dev.detour.incidents.catalog.EnumWords;

import java.util.Optional;

/** What a person asks of a ramp: {@code /detour ramp <target> <command>}, or a button (docs/recovery.md). */
public enum RampCommand {
    STATUS, PAUSE, RESUME, ABORT, COMPLETE,
    /** Retry ramp, after a rollback (a button). */
    RETRY,
    /** Keep off, after a rollback (a button): the ramp ends and the target stays off. */
    KEEP_OFF;

    /** Whether it changes the ramp (and so needs on-call). */
    public boolean changes() {
        return this != STATUS;
    }

    /** The word typed after the target: {@code status}, {@code pause}, ..., {@code keep-off}. */
    public String word() {
        return EnumWords.of(this);
    }

    public static Optional<RampCommand> fromWord(String word) {
        return EnumWords.parse(values(), word);
    }

    /**
     * Applies this command to {@code ramp} at {@code now}; {@link #STATUS} changes nothing, {@link #RESUME} after a
     * rollback retries.
     */
    public RampChange applyTo(Ramp ramp, java.time.Instant now) {
        return switch (this) {
            case STATUS -> new RampChange.Unchanged(ramp);
            case PAUSE -> ramp.pause(now);
            // After a rollback, resume is Retry ramp: the ramp starts again from its first step (docs/recovery.md).
            case RESUME -> ramp.state() == RampState.ROLLED_BACK ? ramp.retry(now) : ramp.resume(now);
            case ABORT, KEEP_OFF -> ramp.abort(now);
            case COMPLETE -> ramp.complete(now);
            case RETRY -> ramp.retry(now);
        };
    }
}
