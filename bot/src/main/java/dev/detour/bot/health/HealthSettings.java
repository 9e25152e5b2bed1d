package dev.detour.bot.health;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * How health judges each part (docs/deploy.md, "Health"); defaults in application.yml.
 *
 * @param checkInterval      how often the background checker reads the database and the outbox
 * @param databaseTimeout    how long the checker waits for the database's answer before calling it down
 * @param slackDeliveryBound how long the oldest undelivered Slack post may wait before Slack delivery is down
 * @param jobPeriods         how many of its periods a job may go without completing before it is late
 * @param jobGrace           the least lateness allowed any job, for jobs that run every few hundred milliseconds
 *                           and may take a Slack call's deadline to complete one run
 */
@Singleton
public record HealthSettings(Duration checkInterval, Duration databaseTimeout, Duration slackDeliveryBound,
                             int jobPeriods, Duration jobGrace) {

    public HealthSettings(@Property(name = "detour.health.check-interval") Duration checkInterval,
                          @Property(name = "detour.health.database-timeout") Duration databaseTimeout,
                          @Property(name = "detour.health.slack-delivery-bound") Duration slackDeliveryBound,
                          @Property(name = "detour.health.job-periods") int jobPeriods,
                          @Property(name = "detour.health.job-grace") Duration jobGrace) {
        this.checkInterval = checkInterval;
        this.databaseTimeout = databaseTimeout;
        this.slackDeliveryBound = slackDeliveryBound;
        this.jobPeriods = jobPeriods;
        this.jobGrace = jobGrace;
    }

    /** How long {@code job} may go without completing, given its period. */
    public Duration allowedFor(Duration period) {
        Duration periods = period.multipliedBy(jobPeriods);
        return periods.compareTo(jobGrace) > 0 ? periods : jobGrace;
    }
}
