package dev.detour.incidents.incident;

import dev.detour.incidents.audit.Actor;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IncidentOpeningTest {
    private static final List<Target> TARGETS = List.of(Target.provider(ProviderId.of("anthropic")),
            Target.model(ModelId.of("claude-opus-4-8")));

    @Test
    void theOpeningEntryOfAnIncidentReadsBackAsKindTargetsAndTitle() {
        IncidentChange.Applied opened = (IncidentChange.Applied) Incident.open(new IncidentId(7), IncidentKind.OUTAGE,
                "Opus: 529s: overloaded", TARGETS, Actor.user("U0ALICE"), Instant.parse("2026-06-07T07:10:00Z"));
        TimelineEntry entry = opened.entries().get(0);

        assertEquals("outage affecting provider anthropic, model claude-opus-4-8: Opus: 529s: overloaded",
                entry.text());
        assertEquals(Optional.of(new IncidentOpening(IncidentKind.OUTAGE, TARGETS, "Opus: 529s: overloaded")),
                IncidentOpening.parse(entry.text()));
    }

    @Test
    void anOpeningWithoutTitleReadsBackWithAnEmptyTitle() {
        IncidentOpening opening = new IncidentOpening(IncidentKind.MODEL_CHANGE, TARGETS.subList(1, 2), "");

        assertEquals(Optional.of(opening), IncidentOpening.parse(opening.text()));
    }

    @Test
    void textThatIsNotAnOpeningIsNotReadAsOne() {
        assertEquals(Optional.empty(), IncidentOpening.parse("investigating -> identified"));
        assertEquals(Optional.empty(), IncidentOpening.parse("outage affecting everything"));
        assertEquals(Optional.empty(), IncidentOpening.parse("weather affecting model claude-opus-4-8"));
    }

    @Test
    void addedTargetsReadBackFromTheirTimelineText() {
        assertEquals(TARGETS, Target.parseAll(Target.describe(TARGETS)));
        assertEquals(List.of(), Target.parseAll("acknowledged"));
    }
}
