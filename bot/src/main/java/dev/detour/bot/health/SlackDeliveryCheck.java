package dev.detour.bot.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slack delivery as the background checker last found it: how many posts wait in the outbox, and since when the
 * oldest waits. Down when the oldest has waited longer than {@code bound}; unknown while the outbox cannot be read.
 *
 * @param pending rows not delivered yet; empty when the outbox could not be read
 * @param oldest  when the oldest of them was written
 */
public record SlackDeliveryCheck(Instant checkedAt, Optional<Long> pending, Optional<Instant> oldest,
                                 Duration bound) {

    public enum State { UP, DOWN, UNKNOWN }

    public State state() {
        if (pending.isEmpty()) {
            return State.UNKNOWN;
        }
        return oldestWait().compareTo(bound) > 0 ? State.DOWN : State.UP;
    }

    /** How long the oldest undelivered post had waited when checked; zero when none waits. */
    public Duration oldestWait() {
        return oldest.map(at -> Duration.between(at, checkedAt)).filter(wait -> !wait.isNegative())
                .orElse(Duration.ZERO);
    }
}
