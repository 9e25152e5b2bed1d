package dev.detour.incidents.persistence;

import dev.detour.incidents.ports.SeenSignatureLog;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Seen signatures in {@code seen_signature}. */
@Singleton
public class SeenSignatureTable implements SeenSignatureLog {
    private final SeenSignatureRepository rows;

    public SeenSignatureTable(SeenSignatureRepository rows) {
        this.rows = rows;
    }

    @Override
    public boolean remember(String signature, Instant signedAt) {
        return rows.insertIfAbsent(signature, signedAt) == 1;
    }

    @Override
    public int forgetSignedBefore(Instant before) {
        return rows.deleteSignedBefore(before);
    }
}
