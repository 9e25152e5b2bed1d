package dev.detour.notifications.slack;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.application.Outbox;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.lifecycle.SingleWriter;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.ports.RouteHistory;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.readmodel.PausedFeature;
import dev.detour.messages.Names;
import dev.detour.messages.PauseHeadsUp;
import dev.detour.messages.Wording;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tells managers, in the summary channel, when a feature has been paused (serves nothing) for longer than
 * {@code detour.managers.heads-up-after} (30 minutes unless configured). One heads-up per pause: the same pause
 * never gets a second one; a later pause of the same feature gets its own.
 */
@Singleton
public class PauseHeadsUps {
    private static final Logger LOG = LoggerFactory.getLogger(PauseHeadsUps.class);
    /** More route changes than any pause's history needs. */
    private static final int HISTORY = 10_000;

    private final StatusService status;
    private final RouteHistory history;
    private final Outbox outbox;
    private final SlackSettings slack;
    private final Catalog catalog;
    private final Clock clock;
    private final Duration after;
    private final SingleWriter locks;
    private final PauseHeadsUp headsUp;

    public PauseHeadsUps(StatusService status, RouteHistory history, Outbox outbox, SlackSettings slack,
                         Catalog catalog, Clock clock, SingleWriter locks, ManagerSettings managers, Wording words) {
        this.status = status;
        this.history = history;
        this.outbox = outbox;
        this.slack = slack;
        this.catalog = catalog;
        this.clock = clock;
        this.after = managers.headsUpAfter();
        this.locks = locks;
        this.headsUp = new PauseHeadsUp(new Names(catalog), words);
    }

    @Job("pause-heads-ups")
    @Scheduled(fixedDelay = "${detour.managers.heads-up-check:1m}",
            initialDelay = "${detour.managers.heads-up-check:1m}")
    void check() {
        if (!locks.holds("pause-heads-ups")) {
            return; // another replica tells managers
        }
        try {
            postDue();
        } catch (RuntimeException e) {
            LOG.warn("could not check for features paused too long; trying again on the next check", e);
        }
    }

    /** @return how many paused features were due a heads-up (one that already has its heads-up gets no second) */
    public int postDue() {
        DetourStatus now = status.current();
        Instant at = clock.instant();
        List<DetourStatus.TaskClassStatus> paused = now.taskClasses().stream()
                .filter(taskClass -> !taskClass.current().state().serves()).toList();
        if (paused.isEmpty()) {
            return 0;
        }
        // Back far enough to see where each pause began: a pause outlives the route its class took last.
        Instant from = Stream.concat(paused.stream().flatMap(taskClass -> taskClass.since().stream()),
                now.openIncidents().stream().map(Incident::openedAt)).min(Instant::compareTo).orElse(at);
        int posted = 0;
        for (PausedFeature feature : PausedFeature.of(now, history.from(from, HISTORY), catalog)) {
            if (feature.pausedFor(at).compareTo(after) >= 0) {
                // One per pause: the task class and the moment its pause began.
                outbox.post(new OutboxDraft(SlackKind.SUMMARY, slack.summaryChannel(),
                        Once.perFacts("pause-heads-up", feature.taskClass().id().value(), feature.since().toString()),
                        SlackPayload.of(headsUp.render(feature, at)).toJson(),
                        feature.incident().map(Incident::id)));
                posted++;
            }
        }
        return posted;
    }
}
