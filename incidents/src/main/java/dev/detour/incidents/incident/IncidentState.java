package dev.detour.incidents.incident;

import dev.detour.incidents.catalog.EnumWords;

import java.util.Optional;

/**
 * The life of an incident: {@code investigating -> identified -> monitoring -> resolved}.
 * Any open state may move to any other state (a fix that did not hold moves monitoring back to identified);
 * resolved is terminal: a problem that returns is a new incident linked to the old one.
 */
public enum IncidentState {
    INVESTIGATING,
    IDENTIFIED,
    MONITORING,
    RESOLVED;

    public String word() {
        return EnumWords.of(this);
    }

    public static Optional<IncidentState> fromWord(String word) {
        return EnumWords.parse(values(), word);
    }

    public boolean isOpen() {
        return this != RESOLVED;
    }

    /** Why moving {@code incident} from this state to {@code next} is not allowed, or empty when it is. */
    public Optional<Refusal> refusalToMoveTo(IncidentId incident, IncidentState next) {
        if (this == RESOLVED) {
            return Optional.of(new Refusal.ResolvedCannotMove(incident, next));
        }
        if (this == next) {
            return Optional.of(new Refusal.AlreadyInState(incident, next));
        }
        return Optional.empty();
    }
}
