package dev.detour.incidents.application;

import dev.detour.incidents.testing.SeedConfigFactory;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signatures of signed requests remembered in the database, on each database: a replay is known everywhere. */
abstract class SeenSignaturesContract implements TestPropertyProvider {
    private static final Instant SIGNED = Instant.parse("2026-06-07T07:00:00Z");

    @Inject SeenSignatures seen;

    protected abstract Map<String, Object> database();

    @Override
    public Map<String, String> getProperties() {
        return SeedConfigFactory.properties(database());
    }

    /** As Slack signs: {@code v0=} and 64 hex digits, a new one for each test. */
    private static String signature() {
        String hex = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        return "v0=" + hex;
    }

    @Test
    void aSignatureIsNewOnceAndARepeatAfterwards() {
        String signature = signature();

        assertTrue(seen.firstTime(signature, SIGNED));
        assertFalse(seen.firstTime(signature, SIGNED), "the same request again");
        assertFalse(seen.firstTime(signature, SIGNED.plusSeconds(30)));
        assertTrue(seen.firstTime(signature(), SIGNED), "another request");
    }

    @Test
    void aSignatureSentToManyReplicasAtOnceIsNewForExactlyOne() throws Exception {
        String signature = signature();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(pool.submit(() -> seen.firstTime(signature, SIGNED)));
            }
            int first = 0;
            for (Future<Boolean> attempt : attempts) {
                first += attempt.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, first);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void signaturesOlderThanTheWindowAreForgottenAndTheRestKept() {
        Instant now = SIGNED.plusSeconds(3600);
        String old = signature();
        String recent = signature();
        seen.firstTime(old, now.minusSeconds(400));
        seen.firstTime(recent, now.minusSeconds(200));

        assertTrue(seen.forgetSignedBefore(now.minusSeconds(300)) >= 1);

        assertTrue(seen.firstTime(old, now.minusSeconds(400)), "forgotten");
        assertFalse(seen.firstTime(recent, now.minusSeconds(200)), "kept");
    }

    @Test
    void aSignatureLongerThanItsColumnIsABug() {
        assertThrows(IllegalArgumentException.class, () -> seen.firstTime("v0=" + "a".repeat(200), SIGNED));
    }
}
