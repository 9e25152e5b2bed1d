package dev.detour.notifications.slack;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A question change is stored as data in its outbox row and read back unchanged. */
class QuestionChangeTest {
    @Test
    void aRampThatStartedIsReadBackAsItWasStored() {
        QuestionChange ramping = new QuestionChange.Ramping(new IncidentId(7), Target.model(ModelId.of("gpt-5")),
                Actor.user("U0ALICE"), Instant.parse("2026-06-07T12:40:00Z"));

        assertEquals(ramping, QuestionChange.fromJson(ramping.toJson()));
    }
}
