package dev.detour.incidents.persistence;

import dev.detour.incidents.ports.InboundEventLog;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Handled deliveries in {@code inbound_event}, keyed by a digest of {@code source:id} ({@link InboundEventRow}). */
@Singleton
public class InboundEventTable implements InboundEventLog {
    private final InboundEventRepository rows;

    public InboundEventTable(InboundEventRepository rows) {
        this.rows = rows;
    }

    @Override
    public boolean remember(String source, String id, Instant receivedAt) {
        return rows.insertIfAbsent(InboundEventRow.key(source, id), receivedAt) == 1;
    }
}
