package dev.detour.incidents.signals;

import dev.detour.incidents.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlausibleTimesTest {
    private static final Instant NOW = MovableClock.SEED_MORNING;
    private final PlausibleTimes times = new PlausibleTimes(new MovableClock());

    @Test
    void aTimeFromTheYear2000UpToADayAheadIsPlausible() {
        for (Instant at : new Instant[] {PlausibleTimes.EARLIEST, NOW, NOW.minus(Duration.ofDays(3650)),
                NOW.plus(Duration.ofHours(24))}) {
            assertEquals(Optional.empty(), times.refusal(at), at.toString());
        }
    }

    @Test
    void aTimeMoreThanADayAheadIsRefusedWithWhatNowIs() {
        String refusal = times.refusal(Instant.parse("+999999999-12-31T23:59:59Z")).orElseThrow();

        assertTrue(refusal.contains("more than 1 day ahead of now (2026-06-07T07:00:00Z)"), refusal);
        assertTrue(times.refusal(NOW.plus(Duration.ofHours(24)).plusSeconds(1)).isPresent());
    }

    @Test
    void aTimeBefore2000IsRefused() {
        assertEquals(Optional.of("1999-12-31T23:59:59Z is before 2000-01-01"),
                times.refusal(Instant.parse("1999-12-31T23:59:59Z")));
        assertTrue(times.refusal(Instant.parse("0001-01-01T00:00:00Z")).isPresent());
        assertTrue(times.refusal(Instant.MIN).isPresent());
    }

    @Test
    void clampingMovesATimeIntoTheRangeAndKeepsOneInside() {
        assertEquals(PlausibleTimes.EARLIEST, times.clamp(Instant.MIN));
        assertEquals(NOW.plus(PlausibleTimes.AHEAD), times.clamp(Instant.MAX));
        assertEquals(NOW, times.clamp(NOW));
    }

    @Test
    void anyDurationBackFromNowIsAMomentSince2000() {
        assertEquals(NOW.minus(Duration.ofHours(2)), times.ago(Duration.ofHours(2)));
        assertEquals(PlausibleTimes.EARLIEST, times.ago(Duration.parse("PT2562047788015215H")));
        assertEquals(PlausibleTimes.EARLIEST, times.ago(Duration.ofDays(999_999_999)));
        assertEquals(PlausibleTimes.EARLIEST, times.ago(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
    }
}
