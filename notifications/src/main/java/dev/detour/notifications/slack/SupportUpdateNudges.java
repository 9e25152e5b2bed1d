package dev.detour.notifications.slack;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.persistence.SingleWriterLocks;
import dev.detour.incidents.service.DetourStatus;
import dev.detour.incidents.service.IncidentService;
import dev.detour.incidents.service.Outbox;
import dev.detour.incidents.service.OutboxDeliveries;
import dev.detour.incidents.service.StatusService;
import dev.detour.messages.UpdateNudge;
import dev.detour.messages.Wording;
import io.micronaut.context.annotation.Property;
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
    private final OutboxDeliveries deliveries;
    private final Outbox outbox;
    private final SlackSettings slack;
    private final Catalog catalog;
    private final Clock clock;
    private final Duration updateEvery;
    private final SingleWriterLocks locks;
    private final UpdateNudge nudge = new UpdateNudge(Wording.english());

    public SupportUpdateNudges(StatusService status, IncidentService incidents, OutboxDeliveries deliveries,
                               Outbox outbox, SlackSettings slack, Catalog catalog, Clock clock,
                               SingleWriterLocks locks,
                               @Property(name = "detour.support.update-every", defaultValue = "30m")
                               Duration updateEvery) {
        this.status = status;
        this.incidents = incidents;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.slack = slack;
        this.catalog = catalog;
        this.clock = clock;
        this.updateEvery = updateEvery;
        this.locks = locks;
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
            Instant lastPost = deliveries.lastCreated(SupportOutboxRule.SUPPORT, incident.id())
                    .orElse(incident.openedAt());
            Duration silence = Duration.between(lastPost, at);
            if (silence.compareTo(updateEvery) >= 0) {
                // Keyed by the silence it is about: polling again writes nothing new.
                outbox.post(new OutboxDraft(SlackOutboxRule.REPLY, slack.incidentChannel(), "nudge:" + incident.id()
                        + ":" + lastPost.toEpochMilli(), SlackPayload.of(nudge.render(incident.id(), silence)).toJson(),
                        Optional.of(incident.id())));
                nudged++;
            }
        }
        return nudged;
    }
}
