package dev.detour.incidents.outbox;

import dev.detour.incidents.event.EventId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryKeyTest {
    private static final BatchId BATCH = new BatchId(UUID.fromString("7d1c3a52-0c8e-4a34-9f0e-5b2a9d6c1e01"));

    private enum Kind implements OutboxKind {
        POST, EDIT;

        @Override
        public String topic() {
            return "test." + name();
        }

        @Override
        public String word() {
            return "test-" + name();
        }
    }

    @Test
    void twoEventsAlikeInEveryFieldButTheirIdsAreTwoDeliveries() {
        assertNotEquals(DeliveryKey.forEvent(EventId.random(), Kind.POST, "C0INCIDENTS", 0).stored(),
                DeliveryKey.forEvent(EventId.random(), Kind.POST, "C0INCIDENTS", 0).stored());
    }

    @Test
    void theSamePartsAlwaysMakeTheSameStoredKey() {
        EventId event = EventId.random();
        assertEquals(DeliveryKey.forEvent(event, Kind.POST, "C0INCIDENTS", 1).stored(),
                DeliveryKey.forEvent(event, Kind.POST, "C0INCIDENTS", 1).stored());
        assertEquals(DeliveryKey.forChange(BATCH, Kind.POST, "apps", List.of("etag-1")).stored(),
                DeliveryKey.forChange(BATCH, Kind.POST, "apps", List.of("etag-1")).stored());
    }

    @Test
    void eachPartCountsOnItsOwnSoNoTwoKeysRunTogether() {
        assertNotEquals(DeliveryKey.forFacts(Kind.POST, "C0", List.of("a:b", "c")).stored(),
                DeliveryKey.forFacts(Kind.POST, "C0", List.of("a", "b:c")).stored());
        assertNotEquals(DeliveryKey.forFacts(Kind.POST, "C0", List.of("x")).stored(),
                DeliveryKey.forFacts(Kind.EDIT, "C0", List.of("x")).stored(), "the kind is a part");
        assertNotEquals(DeliveryKey.forFacts(Kind.POST, "C0", List.of("x")).stored(),
                DeliveryKey.forFacts(Kind.POST, "C1", List.of("x")).stored(), "the destination is a part");
        assertNotEquals(DeliveryKey.forChange(BATCH, Kind.POST, "apps", List.of()).stored(),
                DeliveryKey.forFacts(Kind.POST, "apps", List.of(BATCH.toString())).stored(), "the scope is a part");
    }

    @Test
    void theStoredKeyFitsItsColumnWhateverThePartsLengths() {
        String stored = DeliveryKey.forFacts(Kind.POST, "C0".repeat(500), List.of("x".repeat(10_000))).stored();
        assertEquals(64, stored.length());
        assertTrue(stored.matches("[0-9a-f]{64}"), stored);
    }
}
