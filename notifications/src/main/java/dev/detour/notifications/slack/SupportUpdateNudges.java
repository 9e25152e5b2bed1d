package dev.detour.notifications.slack;

import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.application.Outbox;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.lifecycle.SingleWriter;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.ports.SupportPosts;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.messages.Names;
import dev.detour.messages.ThreadQuestion;
import dev.detour.messages.Wording;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reminds on-call, in the incident's thread, when users are affected by an incident and support has had no post
 * about it for {@code detour.support.update-every} (30 minutes unless configured). One reminder per silence:
 * the next one comes only after another support post and another silence.
 */
@Singleton
public class SupportUpdateNudges {
    private static final Logger LOG = LoggerFactory.getLogger(SupportUpdateNudges.class);

    private final StatusService status;
    private final IncidentService incidents;
    private final SupportPosts supportPosts;
    private final Outbox outbox;
    private final SlackSettings slack;
    private final Catalog catalog;
    private final Clock clock;
    private final Duration updateEvery;
    private final SingleWriter locks;
    private final ThreadQuestion nudge;

    public SupportUpdateNudges(StatusService status, IncidentService incidents, SupportPosts supportPosts,
                               Outbox outbox, SlackSettings slack, Catalog catalog, Clock clock,
                               SingleWriter locks, SupportSettings support, Wording words) {
        this.status = status;
        this.incidents = incidents;
        this.supportPosts = supportPosts;
        this.outbox = outbox;
        this.slack = slack;
        this.catalog = catalog;
        this.clock = clock;
        this.updateEvery = support.updateEvery();
        this.locks = locks;
        this.nudge = new ThreadQuestion(new Names(catalog), words);
    }

    @Job("support-update-nudges")
    @Scheduled(fixedDelay = "${detour.support.nudge-check:1m}", initialDelay = "${detour.support.nudge-check:1m}")
    void check() {
        if (!locks.holds("support-update-nudges")) {
            return; // another replica reminds
        }
        try {
            nudgeDue();
        } catch (RuntimeException e) {
            LOG.warn("could not check for support updates due; trying again on the next check", e);
        }
    }

    /** @return how many incidents were nudged */
    public int nudgeDue() {
        DetourStatus now = status.current();
        Instant at = clock.instant();
        int nudged = 0;
        for (Incident incident : incidents.openIncidents()) {
            if (!now.usersAffectedBy(incident, catalog)) {
                continue;
            }
            Instant lastPost = supportPosts.lastPostAt(incident.id()).orElse(incident.openedAt());
            Duration silence = Duration.between(lastPost, at);
            if (silence.compareTo(updateEvery) >= 0) {
                // One per silence of an open incident: polling again writes nothing new.
                // A question: edited once someone posts an update, and without its button once the incident ends.
                outbox.post(new OutboxDraft(SlackKind.QUESTION, slack.incidentChannel(),
                        Once.perFacts("support-nudge", incident.id().toString(), lastPost.toString()),
                        new QuestionPost(nudge.updateReminder(incident.id(), silence)).toJson(),
                        Optional.of(incident.id())));
                nudged++;
            }
        }
        return nudged;
    }
}
