package dev.detour.incidents.persistence;

import dev.detour.incidents.ports.SignalStates;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Signal states in {@code signal_state}, keyed by a digest of the subject (see {@link SignalStateRow}). */
@Singleton
public class SignalStateTable implements SignalStates {
    private final SignalStateRepository rows;

    public SignalStateTable(SignalStateRepository rows) {
        this.rows = rows;
    }

    @Override
    public int change(String subject, String state, Instant at) {
        return rows.update(key(subject), state, at);
    }

    @Override
    public int first(String subject, String state, Instant at) {
        return rows.insertIfAbsent(key(subject), state, at);
    }

    private static String key(String subject) {
        return InboundEventRow.key("signal-state", subject);
    }
}
