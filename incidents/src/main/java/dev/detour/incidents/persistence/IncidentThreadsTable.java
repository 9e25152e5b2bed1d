package dev.detour.incidents.persistence;

import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.ports.IncidentThreads;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/** Each incident's Slack thread, in its table. */
@Singleton
public class IncidentThreadsTable implements IncidentThreads {
    private final IncidentThreadRepository rows;
    private final Clock clock;

    public IncidentThreadsTable(IncidentThreadRepository rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Thread> of(IncidentId incident) {
        return rows.findById(incident.number())
                .map(row -> new Thread(incident, row.channel(), row.ts()));
    }

    @Override
    @Transactional
    public void remember(IncidentId incident, String channel, String ts) {
        rows.save(new IncidentThreadRow(incident.number(), channel, ts, clock.instant()));
    }
}
