package dev.detour.messages;

import dev.detour.incidents.SeedCatalog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The root message's one line on a provider whose status page cannot be read (docs/signals.md). */
class RootStatusPageLineTest {
    private final Scenario scenario = Scenario.seed();

    private String render(Wording words, List<StatusPageUnreadable> unreadable) {
        return SlackJson.of(new IncidentRootMessage(scenario.names(), words)
                .render(scenario.opened(), scenario.during(), List.of(), List.of(), List.of(), unreadable))
                .toString();
    }

    @Test
    void anUnreadablePageOfTheIncidentsProviderIsOneLineWithASlackTime() {
        Instant since = scenario.during().at().minusSeconds(600);

        String json = render(Wording.of("en"), List.of(new StatusPageUnreadable(SeedCatalog.ANTHROPIC, since)));

        assertTrue(json.contains("Anthropic's status page: unreadable since <!date^" + since.getEpochSecond()), json);
        assertTrue(json.contains("not counted as an outage"), json);
    }

    @Test
    void anotherProvidersPageOrNoneLeavesTheRootAsBefore() {
        String without = SlackJson.of(new IncidentRootMessage(scenario.names(), Wording.of("en"))
                .render(scenario.opened(), scenario.during(), List.of())).toString();

        assertEquals(without, render(Wording.of("en"), List.of()));
        assertEquals(without, render(Wording.of("en"), List.of(new StatusPageUnreadable(SeedCatalog.OPENAI,
                scenario.during().at()))));
        assertFalse(without.contains("unreadable"));
    }

    @Test
    void inGermanTheLineIsGerman() {
        String json = render(Wording.of("de"), List.of(new StatusPageUnreadable(SeedCatalog.ANTHROPIC,
                scenario.during().at())));

        assertTrue(json.contains("Statusseite von Anthropic: seit <!date^"), json);
        assertTrue(json.contains("zählt nicht als Ausfall"), json);
    }
}
