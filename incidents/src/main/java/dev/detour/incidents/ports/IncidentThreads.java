package dev.detour.incidents.ports;

import dev.detour.incidents.incident.IncidentId;

import java.util.Optional;

/** Where each incident's root message was posted: later events reply in its thread and edit it in place. */
public interface IncidentThreads {
    Optional<Thread> of(IncidentId incident);

    void remember(IncidentId incident, String channel, String ts);

    record Thread(IncidentId incident, String channel, String ts) {
    }
}
