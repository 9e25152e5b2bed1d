package dev.detour.incidents.ports;

import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.support.SupportPostDraft;
import dev.detour.incidents.support.SupportPostRecord;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The support posts as written (by the outbox, in the transaction of their change), for readers outside Slack:
 * every post, whether Slack has it yet or not, so they read the same in console mode and while Slack is down.
 */
public interface SupportPosts {
    /** Keeps a post in the caller's transaction. */
    void record(IncidentId incident, SupportPostDraft post, Instant at);

    /** The newest {@code limit} posts, newest first. */
    List<SupportPostRecord> latest(int limit);

    /** The incidents support had posts about, the one with the newest post first; at most {@code limit}. */
    List<IncidentId> latestIncidents(int limit);

    /** The incidents support had posts about that were opened from {@code from} to just before {@code until}. */
    List<IncidentId> incidentsOpenedBetween(Instant from, Instant until);

    /** The incident's newest {@code limit} posts, newest first. */
    List<SupportPostRecord> ofIncident(IncidentId incident, int limit);

    /** When support last had a post about the incident. */
    Optional<Instant> lastPostAt(IncidentId incident);
}
