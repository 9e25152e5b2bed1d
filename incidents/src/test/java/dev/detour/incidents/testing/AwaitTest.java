package dev.detour.incidents.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwaitTest {
    @Test
    void aWaitReturnsTheFirstValueThatIsDone() {
        AtomicInteger reads = new AtomicInteger();

        int value = Await.await(reads::incrementAndGet, read -> read >= 3, Duration.ofSeconds(5), "three reads");

        assertEquals(3, value);
    }

    @Test
    void aWaitThatRunsOutSaysWhatItWaitedForAndWhatItLastSaw() {
        AssertionError failed = assertThrows(AssertionError.class,
                () -> Await.await(() -> "still red", "green"::equals, Duration.ofMillis(50), "the light to turn green"));

        assertTrue(failed.getMessage().contains("the light to turn green"), failed.getMessage());
        assertTrue(failed.getMessage().contains("still red"), failed.getMessage());
    }

    @Test
    void aConditionThatThrowsFailsTheWaitWithItsReason() {
        AssertionError failed = assertThrows(AssertionError.class, () -> Await.await(() -> {
            throw new java.io.IOException("no such file");
        }, Duration.ofSeconds(5), "the flag file"));

        assertTrue(failed.getMessage().contains("the flag file") && failed.getMessage().contains("no such file"),
                failed.getMessage());
    }

    @Test
    void holdsForFailsAsSoonAsTheConditionBreaks() {
        AtomicInteger reads = new AtomicInteger();

        AssertionError failed = assertThrows(AssertionError.class,
                () -> Await.holdsFor(Duration.ofSeconds(30), () -> reads.incrementAndGet() < 3, "no duplicate"));

        assertTrue(failed.getMessage().contains("no duplicate"), failed.getMessage());
        assertEquals(3, reads.get(), "it stopped at the first break, long before 30 s");
    }

    @Test
    void holdsForPassesWhenTheConditionStaysTrue() {
        Await.holdsFor(Duration.ofMillis(60), () -> true, "always");
    }
}
