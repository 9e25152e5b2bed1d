package dev.detour.incidents.ports;

import java.time.Instant;

/**
 * The state a health source last announced about each subject (a model, a provider's status page), shared by every
 * replica, so that one change is recorded once however many replicas see it. Writes join the caller's transaction.
 */
public interface SignalStates {
    /**
     * @return 1 when {@code subject} was in another state and is now in {@code state}; 0 when it was already in it
     *         or has no state yet. A concurrent caller with the same change waits for the first to commit and then
     *         finds nothing to change.
     */
    int change(String subject, String state, Instant at);

    /** @return 1 when {@code subject} had no state and now has one; 0 when it had one (a concurrent first too) */
    int first(String subject, String state, Instant at);
}
