package dev.detour.incidents.outbox;

import dev.detour.incidents.event.DetourEvent;

import java.util.List;

/**
 * Decides what leaves the process because of a whole change: every event one transaction enqueues, in order, so
 * that one decision and its consequences (a provider switched off, three task classes moved) become one message.
 * A change's events may arrive in several calls of the outbox; each time it asks again with all of them so far,
 * and the rows this change wrote before for the rule are replaced by the new drafts (none is visible outside the
 * transaction yet). Called inside the change's transaction, like {@link OutboxRule}.
 */
public interface ChangeRule {
    List<OutboxDraft> draftsForChange(List<DetourEvent> events);
}
