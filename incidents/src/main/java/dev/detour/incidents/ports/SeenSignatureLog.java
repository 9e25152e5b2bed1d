package dev.detour.incidents.ports;

import java.time.Instant;

/** The signatures of signed requests already taken, on every replica: a signature seen twice is a replay. */
public interface SeenSignatureLog {
    /** @return true the first time the signature is seen; false after (a concurrent duplicate does not fail) */
    boolean remember(String signature, Instant signedAt);

    /** @return how many were forgotten: those signed before {@code before} */
    int forgetSignedBefore(Instant before);
}
