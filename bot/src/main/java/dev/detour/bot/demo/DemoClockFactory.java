package dev.detour.bot.demo;

import dev.detour.incidents.ClockFactory;
import dev.detour.incidents.ScriptedClock;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/** In the demo, the script's clock is everyone's clock. */
@Factory
@Requires(property = SeedIncidentDemo.ENABLED, value = "true")
public class DemoClockFactory {
    @Singleton
    @Replaces(value = Clock.class, factory = ClockFactory.class)
    public ScriptedClock demoClock() {
        return new ScriptedClock(SeedIncidentDemo.START);
    }
}
