package dev.detour.bot.publicstatus;

import dev.detour.incidents.incident.Incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address of an incident on the public status page ({@code /status/incidents/20260607-3f9a1c0b2d}): the UTC day
 * it was opened and a digest of its number and opening moment. Stable for as long as the database lives, and it
 * shows no incident number. The day lets a lookup read only that day's incidents.
 */
final class PublicIncidentId {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern FORM = Pattern.compile("(\\d{8})-([0-9a-f]{10})");

    private PublicIncidentId() {
    }

    static String of(Incident incident) {
        return LocalDate.ofInstant(incident.openedAt(), ZoneOffset.UTC).format(DAY) + "-" + digest(incident);
    }

    /** The day a well-formed id names; empty for anything else, so no lookup starts from a made-up text. */
    static Optional<LocalDate> day(String publicId) {
        var match = FORM.matcher(publicId);
        if (!match.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(match.group(1), DAY));
        } catch (java.time.format.DateTimeParseException notADay) {
            return Optional.empty();
        }
    }

    private static String digest(Incident incident) {
        String name = "detour:public-incident:" + incident.id().number() + ":" + incident.openedAt().toEpochMilli();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
