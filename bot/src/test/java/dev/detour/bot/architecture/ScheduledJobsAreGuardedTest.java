package dev.detour.bot.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.detour.incidents.lifecycle.Job;
import io.micronaut.scheduling.annotation.Scheduled;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

/** A job that fails must run again on its next tick: every scheduled method goes through {@code Jobs}. */
class ScheduledJobsAreGuardedTest {
    private final JavaClasses detour = DetourClasses.production("dev.detour");

    @Test
    void everyScheduledMethodIsANamedJob() {
        methods().that().areAnnotatedWith(Scheduled.class).should().beAnnotatedWith(Job.class).check(detour);
    }
}
