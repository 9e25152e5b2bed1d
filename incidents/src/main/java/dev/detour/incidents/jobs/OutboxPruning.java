package dev.detour.incidents.jobs;

import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.lifecycle.SingleWriter;
import dev.detour.incidents.ports.OutboxStorage;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Deletes delivered outbox rows once they are older than {@code detour.outbox.keep-delivered} (7 days unless
 * configured), so the outbox holds deliveries, not history (see docs/deploy.md, "Outbox").
 *
 * <p>Why deleting is safe. A row is written with insert-if-absent on its idempotency key; once the row is gone, the
 * same key would be written (and delivered) again. So only rows whose key cannot come again are deleted:
 * <ul>
 *   <li>never a row that is pending, failed (kept for operators) or may be in flight ({@code sending_since});</li>
 *   <li>keys made from an event's id or a change's batch are random and made only in the transaction that writes
 *       the event: no later transaction makes them again;</li>
 *   <li>keys made from facts (a reminder about one silence, a signal that repeats what the thread said) name their
 *       incident, and are only made while it is open: their rows are deleted only once the incident is resolved,
 *       and a resolved incident never opens again (a reopen is a new incident with a new number).</li>
 * </ul>
 * Slack threads, support posts and the audit trail are kept in their own tables and are not touched.
 */
@Singleton
public class OutboxPruning {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxPruning.class);
    /** Rows per statement: a large backlog is deleted in short transactions, not one long lock. */
    public static final int CHUNK = 500;

    private final OutboxStorage rows;
    private final Clock clock;
    private final Duration keepDelivered;
    private final SingleWriter locks;

    public OutboxPruning(OutboxStorage rows, Clock clock, SingleWriter locks,
                         OutboxSettings settings) {
        this.rows = rows;
        this.clock = clock;
        this.locks = locks;
        this.keepDelivered = settings.keepDelivered();
    }

    @Job("outbox-pruning")
    @Scheduled(fixedDelay = "${detour.outbox.prune-every:1h}", initialDelay = "${detour.outbox.prune-every:1h}")
    void prune() {
        if (!locks.holds("outbox-pruning")) {
            return; // another replica prunes
        }
        try {
            int deleted = pruneNow();
            if (deleted > 0) {
                LOG.info("deleted {} delivered outbox rows sent more than {} ago", deleted, keepDelivered);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not prune delivered outbox rows; trying again on the next run", e);
        }
    }

    /** @return how many delivered rows were deleted */
    public int pruneNow() {
        int total = 0;
        int deleted;
        do {
            deleted = deleteChunk();
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }

    private int deleteChunk() {
        return rows.deleteDelivered(clock.instant().minus(keepDelivered), CHUNK);
    }
}
