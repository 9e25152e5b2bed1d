package dev.detour.incidents.application;

import dev.detour.incidents.ports.SeenSignatureLog;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Remembers the signatures of signed requests already taken, in the database, so that every replica recognises
 * a request sent again. Slack signs each request anew (its retries too), so a signature seen twice is a replay.
 */
@Singleton
public class SeenSignatures {
    /** Longer than any signature Detour checks ({@code v0=} and 64 hex digits); the column holds 100. */
    static final int LONGEST = 100;

    private final SeenSignatureLog seen;

    public SeenSignatures(SeenSignatureLog seen) {
        this.seen = seen;
    }

    /**
     * One insert on the primary key, so it stays fast enough to run before every acknowledgement.
     *
     * @return true the first time the signature is seen, on any replica; false for every repeat
     */
    @Transactional
    public boolean firstTime(String signature, Instant signedAt) {
        if (signature.length() > LONGEST) {
            throw new IllegalArgumentException("a signature longer than " + LONGEST + " characters was not checked");
        }
        return seen.remember(signature, signedAt);
    }

    /** @return how many were forgotten: those signed before {@code before}, whose requests are refused anyway */
    @Transactional
    public int forgetSignedBefore(Instant before) {
        return seen.forgetSignedBefore(before);
    }
}
