package dev.detour.bot.health;

import dev.detour.incidents.lifecycle.Jobs;
import dev.detour.incidents.ports.OutboxQueue;
import dev.detour.incidents.queries.CurrentFlags;
import dev.detour.notifications.slack.SlackKind;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * The background checker behind {@code /health} and the health gauges of {@code /metrics}: every
 * {@code detour.health.check-interval} it asks the database a trivial query and reads the Slack outbox's backlog,
 * waiting at most {@code detour.health.database-timeout}, and keeps what it found. A probe reads the kept result
 * and never waits on the database: while the database hangs, the check that waits for it runs on a thread of its
 * own, and the next checks report it down without starting another. Jobs and the flag snapshot are read from
 * memory when asked.
 */
@Singleton
public class HealthChecker {
    static final String JOB = "health-check";

    private final DataSource pool;
    private final OutboxQueue outbox;
    private final Jobs jobs;
    private final CurrentFlags flags;
    private final Clock clock;
    private final HealthSettings settings;
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(daemon(JOB));
    /** Where the database is asked: a query that hangs holds this thread, never the checker's. */
    private final ExecutorService probe = Executors.newSingleThreadExecutor(daemon("health-database-probe"));
    /** Touched only on the checker thread. */
    private Future<Reading> asking;
    private volatile DatabaseCheck database;
    private volatile SlackDeliveryCheck slack;

    public HealthChecker(DataSource dataSource, OutboxQueue outbox, Jobs jobs, CurrentFlags flags, Clock clock,
                         HealthSettings settings) {
        // The pool itself: the check runs outside any transaction.
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.outbox = outbox;
        this.jobs = jobs;
        this.flags = flags;
        this.clock = clock;
        this.settings = settings;
        Instant now = clock.instant();
        this.database = DatabaseCheck.notYet(now);
        this.slack = new SlackDeliveryCheck(now, Optional.empty(), Optional.empty(), settings.slackDeliveryBound());
    }

    /** What one visit to the database found. */
    private record Reading(Duration took, OutboxQueue.Backlog slack) {
    }

    @EventListener
    void onStartup(StartupEvent event) {
        jobs.expect(JOB, settings.checkInterval(), Duration.ZERO);
        // The first check before the server takes requests (it waits at most database-timeout), so that the
        // first probe already reads a finding.
        jobs.run(JOB, this::check);
        long every = settings.checkInterval().toMillis();
        checker.scheduleWithFixedDelay(() -> jobs.run(JOB, this::check), every, every, TimeUnit.MILLISECONDS);
    }

    /** One check; package-visible so tests can run one without waiting for the next. */
    void check() throws InterruptedException {
        if (asking == null || asking.isDone()) {
            asking = probe.submit(this::read);
        }
        try {
            Reading reading = asking.get(settings.databaseTimeout().toMillis(), TimeUnit.MILLISECONDS);
            Instant now = clock.instant();
            database = DatabaseCheck.answered(now, reading.took());
            slack = new SlackDeliveryCheck(now, Optional.of(reading.slack().pending()), reading.slack().oldest(),
                    settings.slackDeliveryBound());
        } catch (TimeoutException e) {
            unreadable("no answer within " + settings.databaseTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            unreadable(e.getCause().toString());
        }
    }

    private void unreadable(String why) {
        Instant now = clock.instant();
        database = database.failed(now, why);
        slack = new SlackDeliveryCheck(now, Optional.empty(), Optional.empty(), settings.slackDeliveryBound());
    }

    private Reading read() throws Exception {
        long started = System.nanoTime();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, settings.databaseTimeout().toSeconds()));
            statement.execute("SELECT 1");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Reading(took, outbox.backlog(SlackKind.TOPICS));
    }

    public DatabaseCheck database() {
        return database;
    }

    public SlackDeliveryCheck slackDelivery() {
        return slack;
    }

    /** Every job that runs through {@link Jobs}, judged now, by name. */
    public List<JobCheck> jobs() {
        Instant now = clock.instant();
        return jobs.records().values().stream().map(record -> JobCheck.of(record, settings, now))
                .sorted(Comparator.comparing(check -> check.record().job())).toList();
    }

    /** How old the flag snapshot is (since it was last found to match the database); empty when none is loaded. */
    public Optional<Duration> flagSnapshotAge() {
        return flags.confirmedAt().map(at -> Duration.between(at, clock.instant()))
                .map(age -> age.isNegative() ? Duration.ZERO : age);
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
        probe.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
