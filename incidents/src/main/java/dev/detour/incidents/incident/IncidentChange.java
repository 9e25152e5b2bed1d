package dev.detour.incidents.incident;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of asking an incident to change. A refusal is a value the caller shows to the person who asked;
 * exceptions are kept for bugs.
 */
public sealed interface IncidentChange permits IncidentChange.Applied, IncidentChange.Rejected {

    boolean applied();

    /** The change took effect: the incident as it is now and the timeline entries it adds. */
    record Applied(Incident incident, List<TimelineEntry> entries) implements IncidentChange {
        public Applied {
            Objects.requireNonNull(incident, "incident");
            entries = List.copyOf(entries);
        }

        @Override
        public boolean applied() {
            return true;
        }
    }

    /** Nothing changed, and this says why, as data that {@code messages} puts in words a person can act on. */
    record Rejected(Refusal refusal) implements IncidentChange {
        public Rejected {
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public boolean applied() {
            return false;
        }
    }
}
