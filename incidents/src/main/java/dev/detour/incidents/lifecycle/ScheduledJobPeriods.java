package dev.detour.incidents.lifecycle;

import io.micronaut.context.env.Environment;
import io.micronaut.context.processor.ExecutableMethodProcessor;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tells {@link Jobs} how often each {@link Job} runs, from its {@code @Scheduled} {@code fixedDelay} (or
 * {@code fixedRate}) and {@code initialDelay}, placeholders resolved: at start-up, before any of them runs, so a
 * job whose first run never comes is reported as late too. Placeholders are resolved here, with this application's
 * environment: the annotation values Micronaut resolves are shared by every application in the JVM, so a test
 * started after another one would otherwise be told the earlier one's periods ({@code ScheduledJobPeriodsTest}).
 */
@Singleton
public class ScheduledJobPeriods implements ExecutableMethodProcessor<Scheduled> {
    private final Jobs jobs;
    private final ConversionService conversion;
    private final Environment environment;

    public ScheduledJobPeriods(Jobs jobs, ConversionService conversion, Environment environment) {
        this.jobs = jobs;
        this.conversion = conversion;
        this.environment = environment;
    }

    @Override
    public void process(BeanDefinition<?> beanDefinition, ExecutableMethod<?, ?> method) {
        Optional<String> job = method.stringValue(Job.class);
        if (job.isEmpty()) {
            return; // ScheduledJobsAreGuardedTest makes sure Detour has none such
        }
        Optional<Scheduled> scheduled = Arrays.stream(method.getTargetMethod().getAnnotationsByType(Scheduled.class))
                .findFirst();
        if (scheduled.isEmpty()) {
            return;
        }
        Optional<Duration> period = duration(scheduled.get(), Scheduled::fixedDelay)
                .or(() -> duration(scheduled.get(), Scheduled::fixedRate));
        period.ifPresent(every -> jobs.expect(job.get(), every,
                duration(scheduled.get(), Scheduled::initialDelay).orElse(Duration.ZERO)));
    }

    private Optional<Duration> duration(Scheduled scheduled, Function<Scheduled, String> member) {
        return Optional.of(member.apply(scheduled)).filter(value -> !value.isBlank())
                .map(value -> environment.getPlaceholderResolver().resolveRequiredPlaceholders(value))
                .flatMap(value -> conversion.convert(value, Duration.class));
    }
}
