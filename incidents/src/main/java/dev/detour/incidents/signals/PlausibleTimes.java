package dev.detour.incidents.signals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which moments a time from outside may name: not before {@link #EARLIEST} and not more than {@link #AHEAD} after
 * Detour's clock (room for a sender whose clock runs fast). A signal whose time lies outside is refused, so an
 * absurd time never reaches the timeline or a lead computed from it; a time Detour reads from (an audit filter) is
 * moved inside instead, so any filter is a valid query.
 */
public final class PlausibleTimes {
    /** No AI provider's health was reported earlier than this. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Duration AHEAD = Duration.ofDays(1);

    private final Clock clock;

    public PlausibleTimes(Clock clock) {
        this.clock = clock;
    }

    /** Why {@code at} cannot be when something happened, or empty when it can. */
    public Optional<String> refusal(Instant at) {
        if (at.isBefore(EARLIEST)) {
            return Optional.of(at + " is before " + EARLIEST.toString().substring(0, 10));
        }
        if (at.isAfter(latest())) {
            return Optional.of(at + " is more than " + AHEAD.toDays() + " day ahead of now (" + clock.instant() + ")");
        }
        return Optional.empty();
    }

    /** {@code at}, moved into the plausible range when it lies outside. */
    public Instant clamp(Instant at) {
        if (at.isBefore(EARLIEST)) {
            return EARLIEST;
        }
        Instant latest = latest();
        return at.isAfter(latest) ? latest : at;
    }

    /** The moment {@code back} before now; however long {@code back} is, never before {@link #EARLIEST}. */
    public Instant ago(Duration back) {
        Instant now = clock.instant();
        // Comparing first: subtracting a duration of billions of years overflows Instant.
        return back.compareTo(Duration.between(EARLIEST, now)) >= 0 ? EARLIEST : clamp(now.minus(back));
    }

    private Instant latest() {
        return clock.instant().plus(AHEAD);
    }
}
