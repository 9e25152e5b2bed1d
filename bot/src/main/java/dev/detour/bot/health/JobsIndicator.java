package dev.detour.bot.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jobs} in {@code /health}: each scheduled job (outbox dispatchers, pollers, checks) with its own status,
 * down when any has not completed within {@code detour.health.job-periods} (3) of its periods, or
 * {@code detour.health.job-grace} if longer. A job that keeps failing never completes, so it shows here with its
 * last failure. Not part of readiness: a stalled job does not stop flags being served.
 */
@Singleton
public class JobsIndicator implements HealthIndicator {
    private final HealthChecker checker;

    public JobsIndicator(HealthChecker checker) {
        this.checker = checker;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        List<JobCheck> jobs = checker.jobs();
        Map<String, Object> details = new LinkedHashMap<>();
        for (JobCheck job : jobs) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", (job.late() ? HealthStatus.DOWN : HealthStatus.UP).getName());
            job.record().period().ifPresent(period -> detail.put("periodMs", period.toMillis()));
            detail.put("allowedSeconds", job.allowed().toSeconds());
            detail.put("secondsSinceCompleted", job.sinceCompleted().toSeconds());
            job.record().lastCompleted().ifPresent(at -> detail.put("lastCompleted", at.toString()));
            job.record().lastFailure().ifPresent(failure -> detail.put("lastFailure",
                    Map.of("at", failure.at().toString(), "what", failure.what())));
            details.put(job.record().job(), detail);
        }
        boolean late = jobs.stream().anyMatch(JobCheck::late);
        return Publishers.just(HealthResult.builder("jobs", late ? HealthStatus.DOWN : HealthStatus.UP).details(details)
                .build());
    }
}
