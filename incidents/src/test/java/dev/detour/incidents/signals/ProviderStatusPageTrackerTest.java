package dev.detour.incidents.signals;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.Target;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static dev.detour.incidents.SeedCatalog.SONNET_46;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderStatusPageTrackerTest {
    private static final Instant AT = Instant.parse("2026-06-07T07:20:00Z");
    private final Provider anthropic = SeedCatalog.catalog().provider(SeedCatalog.ANTHROPIC).orElseThrow();
    private final ProviderStatusPageTracker tracker = new ProviderStatusPageTracker();

    @Test
    void aPartialOutageOfAComponentIsADownSignalForItsModels() {
        Signal signal = tracker.update(anthropic, "Claude API", "partial_outage", AT).orElseThrow();
        assertTrue(signal.firing());
        assertEquals(Signal.Severity.DOWN, signal.severity());
        assertEquals("statuspage:anthropic", signal.source());
        assertEquals(List.of(Target.model(OPUS_47), Target.model(OPUS_48), Target.model(SONNET_46)),
                signal.targets());
    }

    @Test
    void theSameStatusAgainSaysNothingAndOperationalClearsIt() {
        tracker.update(anthropic, "Claude API", "degraded_performance", AT);
        assertTrue(tracker.update(anthropic, "Claude API", "degraded_performance", AT).isEmpty());
        Signal worse = tracker.update(anthropic, "Claude API", "major_outage", AT).orElseThrow();
        assertEquals(Signal.Severity.DOWN, worse.severity());
        Signal cleared = tracker.update(anthropic, "Claude API", "operational", AT).orElseThrow();
        assertFalse(cleared.firing());
    }

    @Test
    void theModelsOfAComponentWhoseLastStatusFailsAreFiringUntilItIsOperationalAgain() {
        assertEquals(java.util.Set.of(), tracker.firingModels(anthropic), "nothing read yet");

        tracker.update(anthropic, "Claude API", "degraded_performance", AT);
        assertEquals(java.util.Set.of(OPUS_47, OPUS_48, SONNET_46), tracker.firingModels(anthropic));

        tracker.update(anthropic, "Claude API", "operational", AT);
        assertEquals(java.util.Set.of(), tracker.firingModels(anthropic));
    }

    @Test
    void operationalAtFirstSightUnmappedComponentsAndUnknownStatusesSayNothing() {
        assertTrue(tracker.update(anthropic, "Claude API", "operational", AT).isEmpty());
        assertTrue(tracker.update(anthropic, "Console", "major_outage", AT).isEmpty());
        assertTrue(tracker.update(anthropic, "Claude API", "on_fire", AT).isEmpty());
    }
}
