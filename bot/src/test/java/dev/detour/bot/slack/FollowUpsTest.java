package dev.detour.bot.slack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FollowUpsTest {
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

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
            await(release);
            ran.incrementAndGet();
            done.countDown();
        };

        assertTrue(followUps.offer("U1", slow), "one running");
        assertTrue(followUps.offer("U2", slow), "one more");
        assertFalse(followUps.offer("U3", ran::incrementAndGet), "a third is refused");
        release.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS));

        assertEquals(2, ran.get(), "the refused one never ran");
        assertTrue(followUps.offer("U3", () -> { }), "room again once the others are done");
    }

    @Test
    void aPersonsSecondCommandWaitsForTheirFirstEvenWithAThreadFree() throws InterruptedException {
        FollowUps followUps = new FollowUps(threads, new FollowUpSettings(Duration.ofMillis(500), 10));
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch bothDone = new CountDownLatch(2);
        List<String> applied = new CopyOnWriteArrayList<>();

        followUps.offer("U0ALICE", () -> {
            firstStarted.countDown();
            await(releaseFirst); // held, as behind a locked table
            applied.add("route pin");
            bothDone.countDown();
        });
        assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
        followUps.offer("U0ALICE", () -> {
            applied.add("route auto");
            bothDone.countDown();
        });
        CountDownLatch otherPerson = new CountDownLatch(1);
        followUps.offer("U0BOB", otherPerson::countDown);

        assertTrue(otherPerson.await(5, TimeUnit.SECONDS), "someone else's work runs on the free thread");
        assertEquals(List.of(), applied, "the second waits behind the first, although a thread is free");
        releaseFirst.countDown();
        assertTrue(bothDone.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("route pin", "route auto"), applied);
    }

    @Test
    void manyItemsOfOneKeyRunInTheOrderOffered() throws InterruptedException {
        FollowUps followUps = new FollowUps(threads, new FollowUpSettings(Duration.ofMillis(500), 1000));
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(500);

        for (int i = 0; i < 500; i++) {
            int n = i;
            assertTrue(followUps.offer(n % 2 == 0 ? "even" : "odd", () -> {
                order.add(n);
                done.countDown();
            }));
        }

        assertTrue(done.await(10, TimeUnit.SECONDS));
        List<Integer> evens = order.stream().filter(n -> n % 2 == 0).toList();
        List<Integer> odds = order.stream().filter(n -> n % 2 == 1).toList();
        assertEquals(evens.stream().sorted().toList(), evens);
        assertEquals(odds.stream().sorted().toList(), odds);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
