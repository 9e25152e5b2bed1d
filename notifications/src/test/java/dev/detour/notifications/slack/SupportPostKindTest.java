package dev.detour.notifications.slack;

import dev.detour.incidents.incident.IncidentId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SupportPostKindTest {
    @Test
    void eachKindIsReadBackFromTheKeyItWrites() {
        Instant at = Instant.parse("2026-06-07T07:00:00Z");
        for (SupportPostKind kind : SupportPostKind.values()) {
            assertEquals(Optional.of(kind), SupportPostKind.ofKey(kind.idempotencyKey(new IncidentId(3), at)));
        }
    }

    @Test
    void aKeyOfAnotherTopicIsNoSupportPost() {
        assertEquals(Optional.empty(), SupportPostKind.ofKey("summary:INC-3"));
    }
}
