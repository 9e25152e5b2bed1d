package dev.detour.messages;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.detour.incidents.SeedCatalog.OPENAI;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IncidentTitleTest {
    private final IncidentTitle titles = new IncidentTitle(Scenario.seed().names(), Wording.of("en"));

    private static Incident incident(IncidentKind kind, String title, Target... affected) {
        return ((IncidentChange.Applied) Incident.open(new IncidentId(4), kind, title, List.of(affected),
                Actor.signal("gateway"), Instant.EPOCH)).incident();
    }

    @Test
    void anIncidentWithoutATitleIsNamedByWhatItAffectsAndItsKind() {
        assertEquals("Anthropic: Claude Opus 4.8 failing",
                titles.of(incident(IncidentKind.DEGRADATION, "", Target.model(OPUS_48))));
        assertEquals("OpenAI down", titles.of(incident(IncidentKind.OUTAGE, "", Target.provider(OPENAI))));
    }

    @Test
    void modelsOfOneProviderAreNamedUnderItOnce() {
        assertEquals("OpenAI; Anthropic: Claude Opus 4.7, Claude Opus 4.8 down",
                titles.of(incident(IncidentKind.OUTAGE, "", Target.model(OPUS_48), Target.model(OPUS_47),
                        Target.provider(OPENAI))));
    }

    @Test
    void aTitleAPersonTypedStaysAsTyped() {
        assertEquals("Opus is slow", titles.of(incident(IncidentKind.DEGRADATION, "Opus is slow",
                Target.model(OPUS_48))));
    }
}
