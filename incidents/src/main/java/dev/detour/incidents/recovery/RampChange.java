package dev.detour.incidents.recovery;

import java.util.Objects;

/** The outcome of a tick or a command on a ramp: a move, nothing to do, or a refusal (a value, not an exception). */
public sealed interface RampChange {

    /** The ramp moved: store {@code ramp}, audit and tell {@code move}. */
    record Moved(Ramp ramp, RampMove move) implements RampChange {
        public Moved {
            Objects.requireNonNull(ramp, "ramp");
            Objects.requireNonNull(move, "move");
        }
    }

    /** Nothing to do at this tick; {@code ramp} may carry more evidence and should be stored. */
    record Unchanged(Ramp ramp) implements RampChange {
    }

    record Refused(RampRefusal refusal) implements RampChange {
    }
}
