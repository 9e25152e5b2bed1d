package dev.detour.incidents.persistence;

import dev.detour.incidents.application.Outbox;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.support.SupportPostDraft;
import dev.detour.incidents.support.SupportPostKind;
import dev.detour.incidents.support.SupportPostRecord;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The support posts as written (see {@link Outbox}), for readers outside Slack: every post, whether Slack has it
 * yet or not, so they read the same in console mode and while Slack is down.
 */
@Singleton
public class SupportPosts {
    private final SupportPostRepository rows;

    public SupportPosts(SupportPostRepository rows) {
        this.rows = rows;
    }

    /** Keeps a post's words, in the transaction that writes its outbox row ({@code Outbox}). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(long incident, SupportPostDraft post, Instant at) {
        rows.save(new SupportPostRow(null, incident, post.kind().word(), post.headline(), post.body(), at));
    }

    /** The newest {@code limit} posts, newest first. */
    @Transactional(readOnly = true)
    public List<SupportPostRecord> latest(int limit) {
        return rows.findLatest(limit).stream().flatMap(row -> read(row).stream()).toList();
    }

    /** When support last had a post about the incident. */
    @Transactional(readOnly = true)
    public Optional<Instant> lastPostAt(IncidentId incident) {
        return rows.lastCreated(incident.number());
    }

    private static Optional<SupportPostRecord> read(SupportPostRow row) {
        return SupportPostKind.of(row.kind()).map(kind -> new SupportPostRecord(row.id(),
                new IncidentId(row.incidentId()), kind, row.headline(), row.body(), row.createdAt()));
    }
}
