package dev.detour.bot.slack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FollowUpsTest {
    private final ExecutorService threads = Executors.newFixedThreadPool(1);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void beyondItsBoundAFollowUpIsRefusedAndNothingIsQueued() throws InterruptedException {
        FollowUps followUps = new FollowUps(threads, new FollowUpSettings(Duration.ofMillis(500), 2));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(2);
        AtomicInteger ran = new AtomicInteger();
        Runnable slow = () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.incrementAndGet();
            done.countDown();
        };

        assertTrue(followUps.offer(slow), "one running");
        assertTrue(followUps.offer(slow), "one waiting");
        assertFalse(followUps.offer(ran::incrementAndGet), "a third is refused");
        release.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS));

        assertEquals(2, ran.get(), "the refused one never ran");
        assertTrue(followUps.offer(() -> { }), "room again once the others are done");
    }
}
