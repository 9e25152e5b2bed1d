package dev.detour.notifications.slack;

import dev.detour.incidents.application.MaintenanceService;
import dev.detour.incidents.application.Outbox;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.lifecycle.SingleWriter;
import dev.detour.incidents.maintenance.MaintenanceStep;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.messages.MaintenanceText;
import dev.detour.messages.Names;
import dev.detour.messages.Wording;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Tells the incident channel about maintenance windows (docs/maintenance.md): when first seen, again 15 minutes
 * before they start, and once per change of their times or status. One replica at a time; each notice is one
 * outbox row for its facts (the window, the step, and the revision or start it is about), so a notice posted but
 * not yet marked told is never posted twice.
 */
@Singleton
public class MaintenanceAnnouncements {
    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceAnnouncements.class);
    private static final Set<MaintenanceStep> SAID = Set.of(MaintenanceStep.ANNOUNCE, MaintenanceStep.REMIND,
            MaintenanceStep.TELL_CHANGE);

    private final MaintenanceService maintenance;
    private final Outbox outbox;
    private final SlackSettings slack;
    private final Clock clock;
    private final SingleWriter locks;
    private final MaintenanceText text;

    public MaintenanceAnnouncements(MaintenanceService maintenance, Outbox outbox, SlackSettings slack,
                                    Catalog catalog, Clock clock, SingleWriter locks, Wording words) {
        this.maintenance = maintenance;
        this.outbox = outbox;
        this.slack = slack;
        this.clock = clock;
        this.locks = locks;
        this.text = new MaintenanceText(new Names(catalog), words);
    }

    @Job("maintenance-announcements")
    @Scheduled(fixedDelay = "${detour.maintenance.check:15s}", initialDelay = "${detour.maintenance.check:15s}")
    void check() {
        if (!locks.holds("maintenance-announcements")) {
            return; // another replica tells the channel
        }
        postDue();
    }

    /** @return how many notices were posted */
    public int postDue() {
        int posted = 0;
        Instant now = clock.instant();
        for (MaintenanceService.Due due : maintenance.due()) {
            for (MaintenanceStep step : due.steps()) {
                if (!SAID.contains(step)) {
                    continue;
                }
                try {
                    String about = step == MaintenanceStep.REMIND ? due.window().startsAt().toString()
                            : String.valueOf(due.window().revision());
                    outbox.post(new OutboxDraft(SlackKind.ANNOUNCEMENT, slack.incidentChannel(),
                            Once.perFacts("maintenance", due.window().id().value(), step.name(), about),
                            SlackPayload.of(text.notice(due.window(), step, due.policy(), now)).toJson(),
                            Optional.empty()));
                    maintenance.markTold(due.window(), step);
                    posted++;
                } catch (RuntimeException e) {
                    LOG.warn("maintenance {} could not be announced; trying again on the next check",
                            due.window().id(), e);
                }
            }
        }
        return posted;
    }
}
