package dev.detour.incidents.lifecycle;

import io.micronaut.context.processor.ExecutableMethodProcessor;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * Tells {@link Jobs} how often each {@link Job} runs, from its {@code @Scheduled} {@code fixedDelay} (or
 * {@code fixedRate}) and {@code initialDelay}, placeholders resolved: at start-up, before any of them runs, so a
 * job whose first run never comes is reported as late too.
 */
@Singleton
public class ScheduledJobPeriods implements ExecutableMethodProcessor<Scheduled> {
    private final Jobs jobs;
    private final ConversionService conversion;

    public ScheduledJobPeriods(Jobs jobs, ConversionService conversion) {
        this.jobs = jobs;
        this.conversion = conversion;
    }

    @Override
    public void process(BeanDefinition<?> beanDefinition, ExecutableMethod<?, ?> method) {
        Optional<String> job = method.stringValue(Job.class);
        if (job.isEmpty()) {
            return; // ScheduledJobsAreGuardedTest makes sure Detour has none such
        }
        Optional<Duration> period = duration(method, "fixedDelay").or(() -> duration(method, "fixedRate"));
        period.ifPresent(every -> jobs.expect(job.get(), every,
                duration(method, "initialDelay").orElse(Duration.ZERO)));
    }

    private Optional<Duration> duration(ExecutableMethod<?, ?> method, String member) {
        return method.stringValue(Scheduled.class, member).filter(value -> !value.isBlank())
                .flatMap(value -> conversion.convert(value, Duration.class));
    }
}
