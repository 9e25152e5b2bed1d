package dev.detour.incidents.lifecycle;

import io.micronaut.aop.Around;
import io.micronaut.aop.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a scheduled method as a named job run through {@link Jobs}: whatever it throws, an {@link Error} included,
 * is recorded and logged, and the job runs again on its next tick. Every {@code @Scheduled} method carries it
 * ({@code ScheduledJobsAreGuardedTest}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Around
@InterceptorBinding
public @interface Job {
    /** The job's name in logs and in {@link Jobs#records()}. */
    String value();
}
