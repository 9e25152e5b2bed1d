package dev.detour.incidents.readmodel;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.routing.RouteState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RouteStretchTest {
    private static final TaskClassId SUMMARIES = TaskClassId.of("meeting-summary");
    private static final TaskClassId REVIEWS = TaskClassId.of("legal-review");
    private static final ModelId GPT_5 = ModelId.of("gpt-5");
    private static final ModelId OPUS = ModelId.of("claude-opus-4-8");
    private static final Instant T0 = Instant.parse("2026-06-07T07:00:00Z");

    @Test
    void closedStretchesComeInTheOrderTheyClosedThenTheOpenOnesInTheOrderTheyBegan() {
        RouteChange reviewsPaused = change(0, REVIEWS, RouteState.STOPPED, Optional.empty());
        RouteChange summariesOnFallback = change(1, SUMMARIES, RouteState.FALLBACK, Optional.of(GPT_5));
        RouteChange reviewsWaiting = change(3, REVIEWS, RouteState.AWAITING_CONSENT, Optional.empty());

        List<RouteStretch> stretches = RouteStretch.of(List.of(reviewsPaused, summariesOnFallback,
                change(2, SUMMARIES, RouteState.PRIMARY, Optional.of(OPUS)), reviewsWaiting), T0.plusSeconds(600));

        assertEquals(List.of(
                new RouteStretch(summariesOnFallback, T0.plusSeconds(120)),
                new RouteStretch(reviewsPaused, T0.plusSeconds(180)),
                new RouteStretch(reviewsWaiting, T0.plusSeconds(600))), stretches,
                "a change off primary after another ends the one before; what is still off runs to the end");
    }

    @Test
    void aClassThatNeverLeftItsPrimaryHasNoStretch() {
        assertEquals(List.of(), RouteStretch.of(List.of(change(0, SUMMARIES, RouteState.PRIMARY, Optional.of(OPUS))),
                T0.plusSeconds(600)));
    }

    private static RouteChange change(int minute, TaskClassId taskClass, RouteState state, Optional<ModelId> serving) {
        return new RouteChange(T0.plusSeconds(60L * minute), taskClass, state, serving);
    }
}
