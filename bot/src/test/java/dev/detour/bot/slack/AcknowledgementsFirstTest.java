package dev.detour.bot.slack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcknowledgementsFirstTest {

    @Test
    void aFollowUpWaitsWhileAnAcknowledgementIsInProgressAndRunsWhenItIsDone() throws InterruptedException {
        AcknowledgementsFirst acknowledgements =
                new AcknowledgementsFirst(new FollowUpSettings(Duration.ofMinutes(1), 200));
        CountDownLatch ran = new CountDownLatch(1);
        acknowledgements.started();

        Thread followUp = new Thread(acknowledgements.after(ran::countDown));
        followUp.start();
        assertFalse(ran.await(200, TimeUnit.MILLISECONDS), "waits while Slack waits for an acknowledgement");

        acknowledgements.finished();
        assertTrue(ran.await(5, TimeUnit.SECONDS), "runs once the acknowledgement is out");
    }

    @Test
    void aFollowUpRunsAtOnceWhenNothingIsBeingAcknowledged() throws InterruptedException {
        AcknowledgementsFirst acknowledgements =
                new AcknowledgementsFirst(new FollowUpSettings(Duration.ofMinutes(1), 200));
        acknowledgements.started();
        acknowledgements.finished();
        CountDownLatch ran = new CountDownLatch(1);

        new Thread(acknowledgements.after(ran::countDown)).start();

        assertTrue(ran.await(5, TimeUnit.SECONDS));
    }

    @Test
    void steadyAcknowledgementsDelayAFollowUpByAtMostTheLongestWait() throws InterruptedException {
        AcknowledgementsFirst acknowledgements =
                new AcknowledgementsFirst(new FollowUpSettings(Duration.ofMillis(50), 200));
        acknowledgements.started(); // and never finished: acknowledgements keep coming
        CountDownLatch ran = new CountDownLatch(1);

        new Thread(acknowledgements.after(ran::countDown)).start();

        assertTrue(ran.await(5, TimeUnit.SECONDS), "not starved");
    }
}
