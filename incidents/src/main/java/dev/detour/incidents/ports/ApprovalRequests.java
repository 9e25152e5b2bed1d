package dev.detour.incidents.ports;

import dev.detour.incidents.approval.Approval;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Requests for a second on-call member's approval and emergency applies awaiting review (docs/routing.md,
 * "Two-person rule"), with where each one's message is in the incident's thread.
 */
public interface ApprovalRequests {

    /** Stores a new request or emergency apply; the stored one has its id. */
    Approval add(Approval approval);

    Optional<Approval> find(long id);

    /**
     * Settles the approval when it is still open, exactly once across replicas.
     *
     * @return whether this call settled it (false: someone else settled it first)
     */
    boolean settle(long id, Approval.State to, Actor by, Instant at);

    /** Open requests whose time ran out by {@code now}, oldest first. */
    List<Approval> expiredBy(Instant now);

    /** Every approval and emergency apply of an incident, oldest first. */
    List<Approval> ofIncident(IncidentId incident);

    /** Its message was posted at {@code ts}: remembered, so it can be edited once settled. */
    void posted(long id, String channel, String ts);

    Optional<Message> message(long id);

    record Message(String channel, String ts) {
    }
}
