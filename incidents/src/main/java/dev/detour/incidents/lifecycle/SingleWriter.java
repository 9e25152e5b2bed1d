package dev.detour.incidents.lifecycle;

/**
 * Which replica runs a job that must run on one replica at a time (provider status-page polling, consent timeouts,
 * reminders, pruning). Persistence implements it with PostgreSQL advisory locks (docs/deploy.md, "Two replicas").
 */
public interface SingleWriter {
    /** @return whether this replica runs {@code job} now, taking it on when no other replica does */
    boolean holds(String job);
}
