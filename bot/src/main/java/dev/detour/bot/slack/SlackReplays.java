package dev.detour.bot.slack;

import dev.detour.incidents.application.SeenSignatures;
import dev.detour.incidents.lifecycle.Job;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Recognises a signed Slack request sent again: its signature is still valid for up to 5 minutes, so whoever
 * captured it could run it again. Slack signs every delivery anew, its own retries too (with a new timestamp),
 * so a signature seen before is never Slack's. The signatures are kept in the database, shared by every replica,
 * and forgotten once their timestamp is out of the window (then the request is refused for its age).
 */
@Singleton
@Requires(property = "slack.signing-secret")
public class SlackReplays {
    private static final Logger LOG = LoggerFactory.getLogger(SlackReplays.class);
    /** Kept a little past the window, for a replica whose clock is a little behind. */
    static final Duration KEPT = SlackSignatureCheck.TOLERANCE.plus(SlackSignatureCheck.FUTURE_SKEW)
            .plusMinutes(1);

    private final SeenSignatures seen;
    private final Clock clock;

    public SlackReplays(SeenSignatures seen, Clock clock) {
        this.seen = seen;
        this.clock = clock;
    }

    /**
     * Call only for a request whose signature was checked ({@link SlackSignatureCheck}).
     *
     * @return true when the same signed request was taken before, on any replica
     */
    public boolean isReplay(String timestamp, String signature) {
        return !seen.firstTime(signature.strip(), Instant.ofEpochSecond(Long.parseLong(timestamp.strip())));
    }

    /** Also at start-up: rows a stopped replica left are deleted, and the first request finds the database warm. */
    @EventListener
    public void onStartup(StartupEvent event) {
        forgetExpired();
    }

    @Job("slack-replay-sweep")
    @Scheduled(fixedDelay = "${detour.slack.replay-sweep:1m}", initialDelay = "${detour.slack.replay-sweep:1m}")
    public void forgetExpired() {
        try {
            seen.forgetSignedBefore(clock.instant().minus(KEPT));
        } catch (RuntimeException e) {
            // The next sweep tries again; until then the table only holds a few more rows.
            LOG.warn("old Slack request signatures could not be deleted: {}", e.toString());
        }
    }
}
