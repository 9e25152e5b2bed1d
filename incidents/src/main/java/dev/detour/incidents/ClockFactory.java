package dev.detour.incidents;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one source of time; tests replace it with a clock they move by hand. */
@Factory
public class ClockFactory {
    @Singleton
    public Clock clock() {
        return Clock.systemUTC();
    }
}
