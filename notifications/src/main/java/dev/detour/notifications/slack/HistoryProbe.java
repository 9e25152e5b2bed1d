package dev.detour.notifications.slack;

import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.catalog.SlackSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Once, soon after start-up, asks Slack for an empty slice of each configured channel's history, so the log (and
 * {@code /api/status}) says from the start which delivery guarantee is in force, not only after the first post
 * whose call went unanswered.
 */
@Singleton
@Requires(property = "slack.bot-token")
public class HistoryProbe {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryProbe.class);
    /** Matches no post: only whether Slack lets Detour read the history matters. */
    private static final PostMark NOTHING = new PostMark(-1, Instant.EPOCH);

    private final SlackSender slack;
    private final SlackSettings channels;
    private final DeliveryGuarantee guarantee;
    private final SlackDeliverySettings settings;
    private final Clock clock;

    public HistoryProbe(@Named("slack") SlackSender slack, SlackSettings channels, DeliveryGuarantee guarantee,
                        SlackDeliverySettings settings, Clock clock) {
        this.slack = slack;
        this.channels = channels;
        this.guarantee = guarantee;
        this.settings = settings;
        this.clock = clock;
    }

    @Job("slack-history-probe")
    @Scheduled(initialDelay = "${detour.outbox.first-poll:1s}")
    void atStart() {
        check();
    }

    /** @return the guarantee in force after the check */
    public DeliveryGuarantee.Current check() {
        Set<String> unanswered = new LinkedHashSet<>();
        if (settings.readHistory()) {
            Set<String> distinct = new LinkedHashSet<>();
            distinct.add(channels.incidentChannel());
            distinct.add(channels.supportChannel());
            distinct.add(channels.summaryChannel());
            for (String channel : distinct) {
                HistoryLookup lookup = slack.find(channel, Optional.empty(), NOTHING, clock.instant());
                if (lookup instanceof HistoryLookup.Unavailable unavailable) {
                    guarantee.refused(channel, unavailable.reason());
                } else if (lookup instanceof HistoryLookup.Unanswered problem) {
                    unanswered.add(channel + " (" + problem.error() + ")");
                }
            }
        }
        LOG.info("Slack delivery is {}{}", guarantee.describe(), unanswered.isEmpty() ? ""
                : "; could not check the history of " + String.join(", ", unanswered) + " now, checked again when needed");
        return guarantee.current();
    }
}
