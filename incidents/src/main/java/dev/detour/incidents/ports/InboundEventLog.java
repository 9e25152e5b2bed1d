package dev.detour.incidents.ports;

import java.time.Instant;

/** The deliveries from outside (Slack events, alerts, status-page updates) already handled, by their sender's id. */
public interface InboundEventLog {
    /**
     * Remembers {@code source:id} in the caller's transaction.
     *
     * @param id the sender's id, of any length
     * @return true the first time it is seen, on any replica; false after (a concurrent duplicate does not fail)
     */
    boolean remember(String source, String id, Instant receivedAt);
}
