package dev.detour.messages;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The root message's one line on which push sinks the last change reached ("which apps obey"). */
class RootSinkLineTest {
    private final Scenario scenario = Scenario.seed();

    private String render(Wording words, List<SinkReach> sinks) {
        return SlackJson.of(new IncidentRootMessage(scenario.names(), words)
                .render(scenario.opened(), scenario.during(), List.of(), List.of(), sinks)).toString();
    }

    @Test
    void eachSinkIsNamedWithWhereTheLastChangeGot() {
        Instant at = scenario.during().at();
        String json = render(Wording.of("en"), List.of(
                new SinkReach("apps", SinkReach.Reach.DELIVERED, Optional.of(at)),
                new SinkReach("gateway", SinkReach.Reach.VERIFIED, Optional.of(at)),
                new SinkReach("flagd", SinkReach.Reach.PENDING, Optional.empty())));

        assertTrue(json.contains("Last change at sinks: apps delivered <!date^" + at.getEpochSecond()), json);
        assertTrue(json.contains("gateway verified <!date^"), json);
        assertTrue(json.contains("flagd waiting"), json);
    }

    @Test
    void withoutSinksTheRootIsAsBefore() {
        String without = SlackJson.of(new IncidentRootMessage(scenario.names(), Wording.of("en"))
                .render(scenario.opened(), scenario.during(), List.of())).toString();

        assertEquals(without, render(Wording.of("en"), List.of()));
        assertFalse(without.contains("Last change at sinks"));
    }

    @Test
    void inGermanTheLineIsGerman() {
        String json = render(Wording.of("de"), List.of(new SinkReach("gateway", SinkReach.Reach.FAILED,
                Optional.empty())));

        assertTrue(json.contains("Letzte Änderung bei den Zielen: gateway fehlgeschlagen"), json);
    }
}
