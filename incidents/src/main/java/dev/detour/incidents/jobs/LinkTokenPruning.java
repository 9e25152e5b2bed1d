package dev.detour.incidents.jobs;

import dev.detour.incidents.application.Subscriptions;
import dev.detour.incidents.lifecycle.Job;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Forgets the hashes of expired email link tokens (docs/status.md, "Follow updates by email"): an expired token is
 * refused whether its row is there or not, so this only keeps the table small. Any replica may run it at any time.
 */
@Singleton
public class LinkTokenPruning {
    private static final Logger LOG = LoggerFactory.getLogger(LinkTokenPruning.class);

    private final Subscriptions subscriptions;
    private final Clock clock;

    public LinkTokenPruning(Subscriptions subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Job("link-token-pruning")
    @Scheduled(fixedDelay = "${detour.outbox.prune-every:1h}", initialDelay = "${detour.outbox.prune-every:1h}")
    void prune() {
        int forgotten = subscriptions.forgetExpiredTokens(clock.instant());
        if (forgotten > 0) {
            LOG.info("forgot {} expired email link tokens", forgotten);
        }
    }
}
