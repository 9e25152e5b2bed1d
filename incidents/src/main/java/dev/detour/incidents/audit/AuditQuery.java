package dev.detour.incidents.audit;

import dev.detour.incidents.incident.IncidentId;

import java.time.Instant;
import java.util.Optional;

/**
 * Which audit records to read. Every filter is optional.
 *
 * @param subject  e.g. {@code model:claude-opus-4-8} or {@code task-class:legal-review}
 * @param afterId  read records written after this one (for paging); 0 from the start
 * @param limit    at most this many, 1 to {@value #MAX_LIMIT}
 * @param order    which end the limit keeps: the oldest matching records (for paging) or the newest
 */
public record AuditQuery(Optional<IncidentId> incident, Optional<String> subject, Optional<Instant> since,
                         Optional<Instant> until, long afterId, int limit, Order order) {
    public static final int MAX_LIMIT = 5000;
    public static final int DEFAULT_LIMIT = 500;

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
    }

    /** Oldest first. */
    public AuditQuery(Optional<IncidentId> incident, Optional<String> subject, Optional<Instant> since,
                      Optional<Instant> until, long afterId, int limit) {
        this(incident, subject, since, until, afterId, limit, Order.OLDEST_FIRST);
    }

    public static AuditQuery everything() {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0,
                DEFAULT_LIMIT);
    }

    public AuditQuery forIncident(IncidentId id) {
        return new AuditQuery(Optional.of(id), subject, since, until, afterId, limit, order);
    }

    /** @param value a subject's stored form, as a person typed it (a filter that matches nothing is no error) */
    public AuditQuery forSubject(String value) {
        return new AuditQuery(incident, Optional.of(value), since, until, afterId, limit, order);
    }

    public AuditQuery forSubject(AuditSubject value) {
        return forSubject(value.text());
    }

    /** The newest {@code count} matching records, newest first: the database picks them, however many match. */
    public AuditQuery newest(int count) {
        return new AuditQuery(incident, subject, since, until, afterId, count, Order.NEWEST_FIRST);
    }
}
