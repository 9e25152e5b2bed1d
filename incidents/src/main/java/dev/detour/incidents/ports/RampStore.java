package dev.detour.incidents.ports;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.recovery.Ramp;

import java.util.List;
import java.util.Optional;

/**
 * The ramps of staged recovery (docs/recovery.md), one per target: its latest ramp, running or ended. Shared by every
 * replica, so a ramp survives restarts and its timer moves to whichever replica runs the ramp job. Writes join the
 * caller's transaction; callers that start a ramp hold the routing lock ({@link RoutingStore#lock()}), so two ramps
 * for one target never run.
 */
public interface RampStore {
    /** The target's latest ramp, active or ended; empty when it never had one. */
    Optional<Ramp> find(Target target);

    /** Every ramp that still holds its target (running, paused, rolled back), in target order. */
    List<Ramp> active();

    /** Stores {@code ramp} as its target's latest ramp, replacing an earlier one. */
    void save(Ramp ramp);

    /**
     * Keeps the evidence a tick gathered without a move, only while the stored ramp still stands where
     * {@code ramp} does (same state, step and hold): a move made meanwhile is never overwritten.
     */
    void saveEvidence(Ramp ramp);
}
