package dev.detour.incidents.application;

import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.ports.StatusPageReadabilityStore;
import dev.detour.incidents.testing.SeedConfigFactory;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Status page unreadable" shared through the database, on each database: what the replica that polls a page
 * finds, the other replica reads (docs/signals.md, "Status page unreadable").
 */
abstract class StatusPageReadabilityContract implements TestPropertyProvider {
    private static final Instant FIRST = Instant.parse("2026-12-06T12:00:00Z");

    @Inject ProviderStatusPageReadability polling;
    @Inject StatusPageReadabilityStore store;

    protected abstract Map<String, Object> database();

    @Override
    public Map<String, String> getProperties() {
        return SeedConfigFactory.properties(database());
    }

    /** A provider of its own for each test, so tests share the table and never each other's rows. */
    private static ProviderId provider() {
        return ProviderId.of("p-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** The other replica: its own memory, the same database. */
    private ProviderStatusPageReadability otherReplica() {
        return new ProviderStatusPageReadability(store);
    }

    @Test
    void aPageThePollingReplicaCannotReadIsUnreadableOnTheOtherReplicaSinceItsFirstFailure() {
        ProviderId page = provider();
        ProviderStatusPageReadability other = otherReplica();

        polling.unreadable(page, "HTTP 200 text/html: not a Statuspage summary.json", FIRST);
        polling.unreadable(page, "JSON without components", FIRST.plusSeconds(60));
        other.refresh();

        assertEquals(Optional.of(new ProviderStatusPageReadability.Unreadable("JSON without components", FIRST)),
                other.of(page), "the last reason, since the first failure");
        assertEquals(polling.of(page), other.of(page), "both replicas say the same");
    }

    @Test
    void bothReplicasGiveTheSameMomentWhenTheClockHasMoreDigitsThanTheDatabaseKeeps() {
        ProviderId page = provider();
        ProviderStatusPageReadability other = otherReplica();

        polling.unreadable(page, "connection refused", FIRST.plusNanos(178_138_552));
        other.refresh();

        assertEquals(polling.of(page), other.of(page), "a clock's nanoseconds are not a difference between replicas");
    }

    @Test
    void aPageThatReadsAgainIsReadableOnBothReplicasAndAFailureAfterStartsAnew() {
        ProviderId page = provider();
        ProviderStatusPageReadability other = otherReplica();
        polling.unreadable(page, "connection refused", FIRST);
        other.refresh();

        polling.readable(page);
        other.refresh();

        assertEquals(Optional.empty(), polling.of(page));
        assertEquals(Optional.empty(), other.of(page));

        polling.unreadable(page, "timed out", FIRST.plusSeconds(600));
        other.refresh();
        assertEquals(FIRST.plusSeconds(600), other.of(page).orElseThrow().since(), "a new run of failures");
    }

    @Test
    void aReplicaThatTakesOverThePollKeepsTheFirstFailuresTime() {
        ProviderId page = provider();
        polling.unreadable(page, "connection refused", FIRST);
        ProviderStatusPageReadability takesOver = otherReplica();
        takesOver.refresh();

        takesOver.unreadable(page, "timed out", FIRST.plusSeconds(120));
        polling.refresh();

        assertEquals(new ProviderStatusPageReadability.Unreadable("timed out", FIRST), polling.of(page).orElseThrow());
    }

    @Test
    void aReasonLongerThanItsColumnIsCutNotRefused() {
        ProviderId page = provider();
        ProviderStatusPageReadability other = otherReplica();

        polling.unreadable(page, "x".repeat(10_000), FIRST);
        other.refresh();

        String reason = other.of(page).orElseThrow().reason();
        assertTrue(reason.length() <= 4000 && reason.startsWith("xxx"), reason.length() + " characters");
    }
}
