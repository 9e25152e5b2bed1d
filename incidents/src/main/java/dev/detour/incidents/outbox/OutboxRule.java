package dev.detour.incidents.outbox;

import dev.detour.incidents.event.DetourEvent;

import java.util.List;

/**
 * Decides what leaves the process because of an event: Slack posts, Slack edits, flag pushes. Implementations
 * live in the modules that own those channels; the incidents services call every rule inside the transaction
 * of the change, so a change and its outbox rows commit (or roll back) together.
 */
public interface OutboxRule {
    List<OutboxDraft> draftsFor(DetourEvent event);
}
