package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The times of an Alertmanager alert: {@code startsAt}, and {@code endsAt} unless it is Alertmanager's
 * {@code 0001-01-01T00:00:00Z}, which means "not ended yet" (every firing alert carries it). Each must be a plausible
 * moment, or the alert is refused naming the field (docs/signals.md).
 */
final class AlertTimes {
    static final String NOT_ENDED = "0001-01-01T00:00:00Z";

    private final SignalTimes times;
    private final Clock clock;

    AlertTimes(Clock clock) {
        this.times = new SignalTimes(clock);
        this.clock = clock;
    }

    /** Why the alert's times cannot be believed, or empty when they can (absent ones are read as now). */
    Optional<String> refusal(JsonNode alert) {
        List<String> problems = new ArrayList<>();
        String startsAt = alert.path("startsAt").asText("");
        if (!startsAt.isEmpty()) {
            times.refusal("startsAt", startsAt).ifPresent(problems::add);
        }
        String endsAt = alert.path("endsAt").asText("");
        if (!endsAt.isEmpty() && !notEnded(endsAt)) {
            times.refusal("endsAt", endsAt).ifPresent(problems::add);
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** When the alert's signal happened: a firing alert when it started, a resolved one when it ended. */
    Instant at(JsonNode alert, boolean firing) {
        String text = alert.path(firing ? "startsAt" : "endsAt").asText("");
        return notEnded(text) ? clock.instant() : SignalTimes.parse(text).orElseGet(clock::instant);
    }

    private static boolean notEnded(String endsAt) {
        return SignalTimes.parse(endsAt).map(Instant.parse(NOT_ENDED)::equals).orElse(false);
    }
}
