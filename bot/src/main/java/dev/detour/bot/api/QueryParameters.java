package dev.detour.bot.api;

import dev.detour.incidents.catalog.Durations;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.signals.PlausibleTimes;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads query parameters and answers a 400 that names the parameter when one cannot be read. */
final class QueryParameters {
    private QueryParameters() {
    }

    static int intBetween(String name, String value, int min, int max, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiProblem.badRequest(name + " must be a whole number from " + min + " to " + max + ", not '"
                + value + "'");
    }

    /** {@code true} or {@code false} (any case); {@code fallback} when not given. */
    static boolean bool(String name, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiProblem.badRequest(name + " must be true or false, not '" + value + "'");
        };
    }

    static IncidentId incidentId(String name, String value) {
        String text = value.trim();
        return IncidentId.parse(text.matches("\\d+") ? "INC-" + text : text)
                .orElseThrow(() -> ApiProblem.badRequest(name + " must be an incident id like INC-3, not '"
                        + value + "'"));
    }

    /**
     * A moment: ISO-8601 ({@code 2026-06-07T07:00:00Z}), or a duration back from now ({@code 90m}, {@code 2h},
     * {@code 7d}, {@code PT30M}). A moment outside what Detour can have recorded (before 2000, or past tomorrow)
     * is moved to that range's edge: it selects the same records, and the database never sees an absurd time.
     */
    static Optional<Instant> instant(String name, String value, PlausibleTimes times) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        try {
            return Optional.of(times.clamp(Instant.parse(text)));
        } catch (DateTimeParseException notAnInstant) {
            Duration back = Durations.parse(text).orElseThrow(() -> ApiProblem.badRequest(name
                    + " must be an ISO-8601 time (2026-06-07T07:00:00Z) or a duration back from now (90m, 2h, 7d),"
                    + " not '" + value + "'"));
            return Optional.of(times.ago(back));
        }
    }
}
