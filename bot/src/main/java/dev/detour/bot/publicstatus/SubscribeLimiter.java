package dev.detour.bot.publicstatus;

import dev.detour.notifications.email.EmailSettings;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Bounds the subscribe form: at most {@code detour.email.subscribe-per-minute} requests a minute from everyone
 * together, so the form cannot be used to send confirmation emails in bulk (each address also gets at most one
 * confirmation per ten minutes, see {@code Subscriptions}). Per replica: N replicas take N times as many.
 */
@Singleton
public class SubscribeLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perWindow;
    private final Clock clock = Clock.systemUTC(); // real time: the business clock may be scripted (the demo)
    private Instant windowStart = Instant.EPOCH;
    private int taken;

    public SubscribeLimiter(EmailSettings settings) {
        this.perWindow = Math.max(0, settings.subscribePerMinute());
    }

    /** @return whether one more request may go through now */
    public synchronized boolean tryTake() {
        Instant now = clock.instant();
        if (!now.isBefore(windowStart.plus(WINDOW))) {
            windowStart = now;
            taken = 0;
        }
        if (taken >= perWindow) {
            return false;
        }
        taken++;
        return true;
    }

    /** Seconds until the current window ends: the {@code Retry-After} of a refused request. */
    public synchronized long secondsToWait() {
        return Math.max(1, Duration.between(clock.instant(), windowStart.plus(WINDOW)).toSeconds());
    }
}
