package dev.detour.incidents.ports;

import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.TimelineEntry;

import java.util.List;
import java.util.Optional;

/** Incidents, their targets and their timelines, kept in the caller's transaction. */
public interface IncidentStore {
    /** Serialises opening and joining incidents until the transaction ends. */
    void lockOpening();

    /** The next incident number, gap-free; only under {@link #lockOpening()}, in the transaction that saves it. */
    IncidentId nextId();

    Optional<Incident> find(IncidentId id);

    /** Reads an incident and holds its lock until the transaction ends. */
    Optional<Incident> findForChange(IncidentId id);

    long countOpen();

    List<Incident> open();

    /** The newest {@code limit} incidents, open or not, newest first. */
    List<Incident> latest(int limit);

    /** The incident's timeline, oldest entry first. */
    List<TimelineEntry> timeline(IncidentId id);

    /** Saves a new incident or the new version of a known one, plus the timeline entries the change added. */
    void save(Optional<Incident> before, Incident after, List<TimelineEntry> entries);

    /** Adds entries to an incident's timeline without touching the incident itself. */
    void append(IncidentId id, List<TimelineEntry> entries);
}
