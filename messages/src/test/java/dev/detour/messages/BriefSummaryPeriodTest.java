package dev.detour.messages;

import dev.detour.incidents.catalog.ModelId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A feature's stretches off its usual model, as the manager summary counts them. */
class BriefSummaryPeriodTest {
    private static final Instant T0 = Instant.parse("2026-06-07T07:15:00Z");
    private static final Instant T1 = Instant.parse("2026-06-07T07:30:00Z");
    private static final Instant T2 = Instant.parse("2026-06-07T09:30:00Z");
    private static final Instant T3 = Instant.parse("2026-06-07T10:00:00Z");
    private static final Optional<ModelId> PAUSED = Optional.empty();
    private static final Optional<ModelId> GPT_5 = Optional.of(ModelId.of("gpt-5"));

    @Test
    void twoBackToBackPausesAreOnePause() {
        List<BriefSummary.Period> periods = new ArrayList<>();
        new BriefSummary.Period(PAUSED, T0, T1).appendTo(periods);
        new BriefSummary.Period(PAUSED, T1, T2).appendTo(periods);

        assertEquals(List.of(new BriefSummary.Period(PAUSED, T0, T2)), periods);
    }

    @Test
    void aPauseThenAFallbackStaySeparate() {
        List<BriefSummary.Period> periods = new ArrayList<>();
        new BriefSummary.Period(PAUSED, T0, T1).appendTo(periods);
        new BriefSummary.Period(GPT_5, T1, T2).appendTo(periods);

        assertEquals(2, periods.size());
    }

    @Test
    void twoPausesWithTimeBackInBetweenStaySeparate() {
        List<BriefSummary.Period> periods = new ArrayList<>();
        new BriefSummary.Period(PAUSED, T0, T1).appendTo(periods);
        new BriefSummary.Period(PAUSED, T2, T3).appendTo(periods);

        assertEquals(2, periods.size());
    }
}
