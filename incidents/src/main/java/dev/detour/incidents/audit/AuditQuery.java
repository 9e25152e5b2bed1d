package dev.detour.incidents.audit;

import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;

import java.time.Instant;
import java.util.Optional;

/**
 * Which audit records to read. Every filter is optional. Start from {@link #everything()} and narrow it down
 * ({@code AuditQuery.everything().forIncident(id).since(at).newest(30).skipping(30).withoutReceipts()}), rather
 * than calling the constructor.
 *
 * @param subject  e.g. {@code model:claude-opus-4-8} or {@code task-class:legal-review}
 * @param afterId  read records written after this one (for paging); 0 from the start
 * @param limit    at most this many, 1 to {@value #MAX_LIMIT}
 * @param order    which end the limit keeps: the oldest matching records (for paging) or the newest
 * @param offset   skip this many matching records first, counted from the end the order starts at (for pages)
 * @param receipts whether delivery receipts ({@link #RECEIPTS}'s records: a Slack post or email sent) are read
 */
public record AuditQuery(Optional<IncidentId> incident, Optional<String> subject, Optional<Instant> since,
                         Optional<Instant> until, long afterId, int limit, Order order, long offset,
                         boolean receipts) {
    public static final int MAX_LIMIT = 5000;
    public static final int DEFAULT_LIMIT = 500;
    /** Who writes the delivery receipts: the outbox's dispatchers. */
    public static final Actor RECEIPTS = Actor.system("outbox");

    /** In the order records were written, or the reverse. */
    public enum Order {
        OLDEST_FIRST, NEWEST_FIRST
    }

    public AuditQuery {
        incident = incident == null ? Optional.empty() : incident;
        subject = subject == null ? Optional.empty() : subject;
        since = since == null ? Optional.empty() : since;
        until = until == null ? Optional.empty() : until;
        order = order == null ? Order.OLDEST_FIRST : order;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (afterId < 0) {
            throw new IllegalArgumentException("afterId must not be negative");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
    }

    /** Oldest first, receipts included. */
    public AuditQuery(Optional<IncidentId> incident, Optional<String> subject, Optional<Instant> since,
                      Optional<Instant> until, long afterId, int limit) {
        this(incident, subject, since, until, afterId, limit, Order.OLDEST_FIRST);
    }

    /** Receipts included, from the first match. */
    public AuditQuery(Optional<IncidentId> incident, Optional<String> subject, Optional<Instant> since,
                      Optional<Instant> until, long afterId, int limit, Order order) {
        this(incident, subject, since, until, afterId, limit, order, 0, true);
    }

    /** Every record, receipts included, oldest first, {@value #DEFAULT_LIMIT} at most. */
    public static AuditQuery everything() {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0,
                DEFAULT_LIMIT);
    }

    public AuditQuery forIncident(IncidentId id) {
        return forIncident(Optional.of(id));
    }

    public AuditQuery forIncident(Optional<IncidentId> id) {
        return new AuditQuery(id, subject, since, until, afterId, limit, order, offset, receipts);
    }

    /** @param value a subject's stored form, as a person typed it (a filter that matches nothing is no error) */
    public AuditQuery forSubject(String value) {
        return forSubject(Optional.of(value));
    }

    public AuditQuery forSubject(Optional<String> value) {
        return new AuditQuery(incident, value, since, until, afterId, limit, order, offset, receipts);
    }

    public AuditQuery forSubject(AuditSubject value) {
        return forSubject(value.text());
    }

    /** Records at or after {@code from}. */
    public AuditQuery since(Optional<Instant> from) {
        return new AuditQuery(incident, subject, from, until, afterId, limit, order, offset, receipts);
    }

    public AuditQuery since(Instant from) {
        return since(Optional.of(from));
    }

    /** Records before {@code to}. */
    public AuditQuery until(Optional<Instant> to) {
        return new AuditQuery(incident, subject, since, to, afterId, limit, order, offset, receipts);
    }

    /** Records written after the one with this id (paging by id, oldest first). */
    public AuditQuery after(long id) {
        return new AuditQuery(incident, subject, since, until, id, limit, order, offset, receipts);
    }

    /** At most {@code count} records, the oldest matching ones, oldest first. */
    public AuditQuery oldest(int count) {
        return new AuditQuery(incident, subject, since, until, afterId, count, Order.OLDEST_FIRST, offset, receipts);
    }

    /** The newest {@code count} matching records, newest first: the database picks them, however many match. */
    public AuditQuery newest(int count) {
        return new AuditQuery(incident, subject, since, until, afterId, count, Order.NEWEST_FIRST, offset, receipts);
    }

    /** Skips the first {@code count} matching records (in the query's order): page 2 of 30 skips 30. */
    public AuditQuery skipping(long count) {
        return new AuditQuery(incident, subject, since, until, afterId, limit, order, count, receipts);
    }

    /** Leaves delivery receipts out: what people read in Slack unless they ask for {@code all}. */
    public AuditQuery withoutReceipts() {
        return withReceipts(false);
    }

    public AuditQuery withReceipts(boolean shown) {
        return new AuditQuery(incident, subject, since, until, afterId, limit, order, offset, shown);
    }
}
