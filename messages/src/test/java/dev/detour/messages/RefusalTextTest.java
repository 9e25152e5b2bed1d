package dev.detour.messages;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.incident.Refusal;
import dev.detour.incidents.routing.RouteState;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RefusalTextTest {
    private final RefusalText refusals = new RefusalText(new Names(SeedCatalog.catalog()), Wording.of("en"));

    @Test
    void aQuestionAnsweredForATaskClassThatNothingServesSaysItIsPaused() {
        assertEquals("legal-review has no open fallback question (it is paused)", refusals.of(
                new Refusal.NoOpenQuestion(SeedCatalog.LEGAL_REVIEW, Optional.of(RouteState.STOPPED))));
        assertEquals("code-migration has no open fallback question (it is paused, awaiting consent)", refusals.of(
                new Refusal.NoOpenQuestion(SeedCatalog.CODE_MIGRATION, Optional.of(RouteState.AWAITING_CONSENT))));
    }
}
