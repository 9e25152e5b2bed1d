package dev.detour.incidents.persistence;

import dev.detour.incidents.incident.IncidentId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/** Where each incident's root message was posted: later events reply in its thread and edit it in place. */
@Singleton
public class IncidentThreads {
    private final IncidentThreadRepository rows;
    private final Clock clock;

    public IncidentThreads(IncidentThreadRepository rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    public record Thread(IncidentId incident, String channel, String ts) {
    }

    @Transactional(readOnly = true)
    public Optional<Thread> of(IncidentId incident) {
        return rows.findById(incident.number())
                .map(row -> new Thread(incident, row.channel(), row.ts()));
    }

    @Transactional
    public void remember(IncidentId incident, String channel, String ts) {
        rows.save(new IncidentThreadRow(incident.number(), channel, ts, clock.instant()));
    }
}
