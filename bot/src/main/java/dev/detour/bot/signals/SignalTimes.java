package dev.detour.bot.signals;

import dev.detour.incidents.incident.TextLimits;
import dev.detour.incidents.signals.PlausibleTimes;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the time a signal carries in one of its fields, and says why it is refused, naming the field: it is not
 * an ISO-8601 time, or it is not a plausible moment ({@link PlausibleTimes}: from 2000 to a day ahead).
 */
final class SignalTimes {
    private static final int QUOTED = 40;

    private final PlausibleTimes plausible;

    SignalTimes(Clock clock) {
        this.plausible = new PlausibleTimes(clock);
    }

    /** Why {@code text}, the value of {@code field}, cannot be when the signal happened; empty when it can. */
    Optional<String> refusal(String field, String text) {
        Optional<Instant> at = parse(text);
        if (at.isEmpty()) {
            return Optional.of("\"" + field + "\" must be an ISO-8601 time like 2026-06-07T07:12:03Z, not '"
                    + TextLimits.clip(text, QUOTED) + "'");
        }
        return refusal(field, at.get());
    }

    Optional<String> refusal(String field, Instant at) {
        return plausible.refusal(at).map(problem -> "\"" + field + "\" " + problem);
    }

    static Optional<Instant> parse(String text) {
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
