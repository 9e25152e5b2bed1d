package dev.detour.notifications.slack;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.messages.Wording;
import jakarta.inject.Provider;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up rendering of a made-up switch-off (docs/flags.md, "Change events"): it goes through the rules a
 * real decision goes through, for an incident nobody has, and is only rendered.
 */
class DecisionWarmUpTest {
    private static final Instant AT = Instant.parse("2026-06-07T07:12:00Z");
    private static final SlackSettings SLACK = new SlackSettings("C0INCIDENTS", "C0SUPPORT", "C0MANAGERS",
            List.of("U0ALICE"));
    private static final Wording WORDS = Wording.of("en");
    private static <T> Provider<T> notAtStart() {
        return () -> {
            throw new AssertionError("the database is read at start-up only");
        };
    }
    private static final DetourStatus NOTHING_WRONG = new DetourStatus(AT, List.of(), List.of(), List.of(), List.of());

    private static DecisionWarmUp warmUp(Catalog catalog) {
        return new DecisionWarmUp(new SlackOutboxRule(SLACK, catalog, WORDS),
                new QuestionOutboxRule(SLACK, catalog, WORDS), notAtStart(), notAtStart(), notAtStart(), catalog, WORDS,
                Clock.fixed(AT, ZoneOffset.UTC));
    }

    @Test
    void aSwitchOffOfTheFirstModelIsRenderedAsItsDecisionReplyForAnIncidentNobodyHas() {
        List<OutboxDraft> drafts = warmUp(SeedCatalog.catalog()).render(NOTHING_WRONG, Optional.empty(), AT);

        assertTrue(drafts.stream().anyMatch(draft -> draft.kind() == SlackKind.REPLY), drafts.toString());
        assertTrue(drafts.stream().allMatch(draft -> draft.incident().equals(Optional.of(
                DecisionWarmUp.NOBODYS))), drafts.toString());
    }

    @Test
    void aCatalogWithoutModelsRendersNothing() {
        assertEquals(List.of(), warmUp(new Catalog(List.of(), List.of())).render(NOTHING_WRONG, Optional.empty(), AT));
    }
}
