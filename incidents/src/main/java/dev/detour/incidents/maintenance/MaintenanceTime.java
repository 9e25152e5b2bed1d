package dev.detour.incidents.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A time as typed in {@code /detour maintenance}: absolute ({@code 2026-12-07 14:00} UTC, or ISO-8601), relative
 * to now ({@code in 2h}), or, for the end only, a length from the start ({@code for 90m}). The parser has no clock;
 * the use case resolves it with the injected one.
 */
public sealed interface MaintenanceTime {

    /** @param start the window's start, for {@link For}; ignored otherwise */
    Instant resolve(Instant now, Instant start);

    record At(Instant at) implements MaintenanceTime {
        public At {
            Objects.requireNonNull(at, "at");
        }

        public Instant resolve(Instant now, Instant start) {
            return at;
        }
    }

    record In(Duration after) implements MaintenanceTime {
        public In {
            Objects.requireNonNull(after, "after");
        }

        public Instant resolve(Instant now, Instant start) {
            return now.plus(after);
        }
    }

    record For(Duration length) implements MaintenanceTime {
        public For {
            Objects.requireNonNull(length, "length");
        }

        public Instant resolve(Instant now, Instant start) {
            return start.plus(length);
        }
    }
}
