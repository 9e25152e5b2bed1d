package dev.detour.incidents.incident;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An incident's id, {@code INC-<n>}. Numbers come from a database sequence, so they are never reused. */
public record IncidentId(long number) implements Comparable<IncidentId> {
    private static final Pattern FORMAT = Pattern.compile("(?i)INC-([1-9][0-9]{0,17})");

    public IncidentId {
        if (number < 1) {
            throw new IllegalArgumentException("incident numbers start at 1, got " + number);
        }
    }

    /** Reads {@code INC-7} (any letter case); empty for anything else. */
    public static Optional<IncidentId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text.trim());
        return matcher.matches() ? Optional.of(new IncidentId(Long.parseLong(matcher.group(1)))) : Optional.empty();
    }

    @Override
    public int compareTo(IncidentId other) {
        return Long.compare(number, other.number);
    }

    @Override
    public String toString() {
        return "INC-" + number;
    }
}
