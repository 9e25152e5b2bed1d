package dev.detour.incidents.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a provider's or model's traffic comes back when it is enabled (config {@code recovery}, docs/recovery.md).
 *
 * @param steps       the shares of traffic, in percent, each step gives the target; increasing, ending at 100
 * @param hold        how long each step lasts at least before the next may begin
 * @param minRequests how many gateway requests a step's hold must see to count as evidence
 */
public record RecoveryPolicy(RecoveryMode mode, List<Integer> steps, Duration hold, int minRequests) {
    public static final List<Integer> DEFAULT_STEPS = List.of(10, 50, 100);
    public static final Duration DEFAULT_HOLD = Duration.ofMinutes(5);
    public static final int DEFAULT_MIN_REQUESTS = 20;
    /** The shortest hold: a step shorter than this cannot gather evidence. */
    public static final Duration MIN_HOLD = Duration.ofSeconds(10);
    /** Today's behaviour: everything back at once. */
    public static final RecoveryPolicy AT_ONCE = new RecoveryPolicy(RecoveryMode.AT_ONCE, DEFAULT_STEPS,
            DEFAULT_HOLD, DEFAULT_MIN_REQUESTS);

    public RecoveryPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(hold, "hold");
        steps = List.copyOf(steps);
        problem(steps, hold, minRequests).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    public boolean staged() {
        return mode == RecoveryMode.STAGED;
    }

    /** What is wrong with these values, in words for the config's reader; empty when nothing is. */
    public static Optional<String> problem(List<Integer> steps, Duration hold, long minRequests) {
        if (steps.isEmpty()) {
            return Optional.of("steps is empty: list the shares of traffic in percent, ending at 100, like [10, 50, 100]");
        }
        for (int i = 0; i < steps.size(); i++) {
            int step = steps.get(i);
            if (step < 1 || step > 100) {
                return Optional.of("steps must each be between 1 and 100 percent, not " + step);
            }
            if (i > 0 && step <= steps.get(i - 1)) {
                return Optional.of("steps must increase: " + step + " follows " + steps.get(i - 1));
            }
        }
        if (steps.get(steps.size() - 1) != 100) {
            return Optional.of("steps must end at 100, not " + steps.get(steps.size() - 1));
        }
        if (hold.compareTo(MIN_HOLD) < 0) {
            return Optional.of("hold must be at least 10s, not " + hold.toMillis() + "ms");
        }
        if (minRequests < 1 || minRequests > Integer.MAX_VALUE) {
            return Optional.of("min-requests must be a whole number of at least 1, not " + minRequests);
        }
        return Optional.empty();
    }
}
