package dev.detour.notifications;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {
    @Test
    void backoffGrowsWithJitterAndIsCapped() {
        assertTrue(Backoff.after(0).toMillis() <= 1000);
        assertTrue(Backoff.after(3).toMillis() >= 4000);
        assertTrue(Backoff.after(30).compareTo(Duration.ofMinutes(5)) <= 0);
        assertTrue(Backoff.after(30).compareTo(Duration.ofMinutes(2)) >= 0);
    }
}
