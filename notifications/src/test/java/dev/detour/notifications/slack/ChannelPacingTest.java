package dev.detour.notifications.slack;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelPacingTest {
    private final AtomicLong nanos = new AtomicLong();
    private final ChannelPacing pacing = new ChannelPacing(ChannelPacing.BURST, nanos::get);

    @Test
    void aChannelTakesABurstOfThreeThenOnePerSecond() {
        assertTrue(pacing.tryTake("C1"));
        assertTrue(pacing.tryTake("C1"));
        assertTrue(pacing.tryTake("C1"));
        assertFalse(pacing.tryTake("C1"));
        assertTrue(pacing.tryTake("C2"), "channels are paced apart");

        nanos.addAndGet(500_000_000L);
        assertFalse(pacing.tryTake("C1"));
        nanos.addAndGet(500_000_000L);
        assertTrue(pacing.tryTake("C1"));
        assertFalse(pacing.tryTake("C1"));
    }
}
