package dev.detour.incidents.ports;

import dev.detour.incidents.outbox.BatchId;
import dev.detour.incidents.outbox.DeliveryKey;
import dev.detour.incidents.outbox.OutboxDraft;

import java.time.Instant;

/** The writing side of the outbox table: what the outbox appends, and what pruning deletes. */
public interface OutboxStorage {
    /**
     * Appends a pending delivery in the caller's transaction unless one with the same key exists.
     *
     * @return whether it was new
     */
    boolean appendIfAbsent(OutboxDraft draft, DeliveryKey key, BatchId batch, Instant at);

    /**
     * Deletes a pending row the caller's own transaction appended: a change's earlier draft that a fuller one
     * replaces (see {@code ChangeRule}). Not visible outside the transaction, so nothing can have claimed it.
     */
    void withdraw(DeliveryKey key);

    /** Deletes up to {@code limit} delivered rows sent before {@code sentBefore}; see {@code OutboxPruning}. */
    int deleteDelivered(Instant sentBefore, int limit);
}
