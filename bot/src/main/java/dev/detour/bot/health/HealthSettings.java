package dev.detour.bot.health;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How health judges each part (docs/deploy.md, "Health"; docs/configuration.md lists every setting). Defaults live
 * here, on the record, and nowhere else.
 *
 * @param checkInterval      {@code detour.health.check-interval}: how often the background checker reads the
 *                           database and the outbox
 * @param databaseTimeout    {@code detour.health.database-timeout}: how long the checker waits for the database's
 *                           answer before calling it down
 * @param slackDeliveryBound {@code detour.health.slack-delivery-bound}: how long the oldest undelivered Slack post
 *                           may wait before Slack delivery is down
 * @param jobPeriods         {@code detour.health.job-periods}: how many of its periods a job may go without
 *                           completing before it is late
 * @param jobGrace           {@code detour.health.job-grace}: the least lateness allowed any job, for jobs that run
 *                           every few hundred milliseconds and may take a Slack call's deadline to complete one run
 */
@ConfigurationProperties("detour.health")
public record HealthSettings(@Bindable(defaultValue = "1s") Duration checkInterval,
                             @Bindable(defaultValue = "1s") Duration databaseTimeout,
                             @Bindable(defaultValue = "2m") Duration slackDeliveryBound,
                             @Bindable(defaultValue = "3") int jobPeriods,
                             @Bindable(defaultValue = "30s") Duration jobGrace) {

    /** How long {@code job} may go without completing, given its period. */
    public Duration allowedFor(Duration period) {
        Duration periods = period.multipliedBy(jobPeriods);
        return periods.compareTo(jobGrace) > 0 ? periods : jobGrace;
    }
}
