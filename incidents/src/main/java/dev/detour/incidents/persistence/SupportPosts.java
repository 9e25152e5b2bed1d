package dev.detour.incidents.persistence;

import dev.detour.incidents.application.Outbox;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.support.SupportPostKind;
import dev.detour.incidents.support.SupportPostRecord;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The support posts as written (see {@link Outbox}), for readers outside Slack: every post, whether Slack has it
 * yet or not, so they read the same in console mode and while Slack is down.
 */
@Singleton
public class SupportPosts {
    private final SupportPostRepository rows;

    public SupportPosts(SupportPostRepository rows) {
        this.rows = rows;
    }

    /** The newest {@code limit} posts, newest first. */
    @Transactional(readOnly = true)
    public List<SupportPostRecord> latest(int limit) {
        return rows.findLatest(limit).stream().flatMap(row -> read(row).stream()).toList();
    }

    /** The incidents support had posts about, the one with the newest post first; at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<IncidentId> latestIncidents(int limit) {
        return rows.findLatestIncidents(limit).stream().map(IncidentId::new).toList();
    }

    /** The incidents support had posts about that were opened from {@code from} to just before {@code until}. */
    @Transactional(readOnly = true)
    public List<IncidentId> incidentsOpenedBetween(Instant from, Instant until) {
        return rows.findIncidentsOpenedBetween(from, until).stream().map(IncidentId::new).toList();
    }

    /** The incident's newest {@code limit} posts, newest first. */
    @Transactional(readOnly = true)
    public List<SupportPostRecord> ofIncident(IncidentId incident, int limit) {
        return rows.findOfIncident(incident.number(), limit).stream().flatMap(row -> read(row).stream()).toList();
    }

    /** When support last had a post about the incident. */
    @Transactional(readOnly = true)
    public Optional<Instant> lastPostAt(IncidentId incident) {
        return rows.lastCreated(incident.number());
    }

    private static Optional<SupportPostRecord> read(SupportPostRow row) {
        return SupportPostKind.of(row.kind()).map(kind -> new SupportPostRecord(row.id(),
                new IncidentId(row.incidentId()), kind, row.headline(), row.body(), row.createdAt()));
    }
}
