package dev.detour.notifications.flags;

/**
 * The hook for OFREP event streams (docs/flags.md): a bean of this type, when there is one, says how many clients
 * are connected to this replica's stream, and {@code /api/status} shows the count beside the sinks.
 */
public interface EventStreamClients {
    int connected();
}
